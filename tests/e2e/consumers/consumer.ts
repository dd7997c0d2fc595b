// Uses every export of the package with its declared types; `tsc --strict` must accept it.
import init, {
  buildTimeline,
  CtiLog,
  decodeConnres,
  decodeFrames,
  decodeInput,
  decodeLog,
  encodeEvents,
  FrameDecoder,
  initSync,
  openLog,
  TimelineBuilder,
  version,
  type Call,
  type CtiEvent,
  type CtiOutcome,
  type DecodedInput,
  type Diagnostic,
  type DiagnosticCode,
  type LogSummary,
  type OutcomeKind,
  type Timeline,
} from 'cti-outcome';

export async function run(wasm: URL, bytes: Uint8Array): Promise<string[]> {
  const api: CtiOutcome = await init(wasm);
  const again: CtiOutcome = initSync(bytes);
  const lines: string[] = [api === again ? 'same' : 'different', version()];

  const log = decodeLog('MsgType: END_CALL_EVENT\n  ConnectionCallID: 7\n');
  const first: CtiEvent | undefined = log.events[0];
  if (first && 'line' in first) lines.push(`${first.type} at line ${first.line}`);
  for (const d of log.diagnostics satisfies Diagnostic[]) {
    const code: DiagnosticCode = d.code;
    lines.push('offset' in d ? `${code} at byte ${d.offset}` : `${code} at ${d.line}:${d.column}`);
  }

  const input: DecodedInput = decodeInput(encodeEvents(log), { format: 'binary' });
  const frames = decodeFrames(encodeEvents(log.events, { width: 1 }), { width: 1 });
  lines.push(input.format, String(frames.framing?.width ?? 'unknown'));

  const timeline: Timeline = buildTimeline(log);
  const calls: Call[] = timeline.calls;
  const kinds: OutcomeKind[] = calls.map((c) => c.outcome.kind);
  lines.push(...kinds);

  const stream = new FrameDecoder({ width: 2 });
  stream.push(new Uint8Array(0));
  stream.finish();
  stream.free();
  const builder = new TimelineBuilder();
  builder.push(log);
  lines.push(String(builder.length), String(builder.snapshot().agents.length));

  const opened = openLog('MsgType: END_CALL_EVENT\n', { format: 'text' });
  const summary: LogSummary = opened.summary();
  const page: CtiEvent[] = opened.events(0, 100);
  opened.free();
  const fed = new CtiLog();
  fed.push(new Uint8Array(0));
  fed.push('MsgType: END_CALL_EVENT\n');
  fed.finish();
  lines.push(String(summary.eventCount), String(page.length), String(fed.length), summary.format ?? 'none');

  const connres = decodeConnres(5, 'outbound', 17);
  lines.push(connres.symbol, decodeConnres(1, 'inbound').symbol);
  // @ts-expect-error a direction outside the union is a type error
  decodeConnres(5, 'sideways');
  // @ts-expect-error an outcome kind outside the union is a type error
  const wrong: OutcomeKind = 'exploded';
  return [...lines, String(wrong)];
}
