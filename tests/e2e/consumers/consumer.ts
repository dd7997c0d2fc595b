// Uses every export of the package with its declared types; `tsc --strict` must accept it.
import init, {
  buildTimeline,
  CtiLog,
  decodeFrames,
  decodeInput,
  decodeLog,
  FrameDecoder,
  initSync,
  openLog,
  TimelineBuilder,
  version,
  wasmMemoryBytes,
  type Agent,
  type ByteDiagnostic,
  type Call,
  type CallColumns,
  type CallRow,
  type CtiEvent,
  type CtiOutcome,
  type DecodedInput,
  type DiagnosticCode,
  type ErrorCode,
  type ErrorDetails,
  type EventColumns,
  type FrameEvent,
  type LogSummary,
  type OutcomeKind,
  type OutcomeRule,
  type TextDiagnostic,
  type TextEvent,
  type Timeline,
} from 'cti-outcome';
import initEncode, { encodeEvents, initSync as initEncodeSync, type CtiOutcomeEncode } from 'cti-outcome/encode';
import initRecords, {
  decodeConnres,
  decodeRecords,
  RecordLog,
  type CtiOutcomeRecords,
  type DecodedRecords,
  type RecordCall,
  type RecordLeg,
} from 'cti-outcome/records';

export async function run(wasm: URL, bytes: Uint8Array, encoder: URL, encoderBytes: Uint8Array): Promise<string[]> {
  const api: CtiOutcome = await init(wasm);
  const again: CtiOutcome = initSync(bytes);
  const encode: CtiOutcomeEncode = await initEncode(encoder);
  if (initEncodeSync(encoderBytes) !== encode) throw new Error('two encoders');
  const lines: string[] = [api === again ? 'same' : 'different', version()];

  // A text decode's events have lines and its diagnostics line and column: no narrowing.
  const log = decodeLog('MsgType: END_CALL_EVENT\n  ConnectionCallID: 7\n');
  const first: TextEvent | undefined = log.events[0];
  if (first) lines.push(`${first.type} at line ${first.line}`);
  for (const d of log.diagnostics satisfies TextDiagnostic[]) {
    const code: DiagnosticCode = d.code;
    lines.push(`${code} at ${d.line}:${d.column}`);
  }

  const input: DecodedInput = decodeInput(encodeEvents(log), { format: 'binary' });
  const frames = decodeFrames(encodeEvents(log.events, { width: 1 }), { width: 1 });
  // A frames decode's events have byte offsets, its diagnostics offsets, its framing a width.
  const framed: FrameEvent | undefined = frames.events[0];
  const problems: ByteDiagnostic[] = frames.diagnostics;
  lines.push(input.format, String(frames.framing.width), String(framed?.offset), String(problems.length));
  if (input.format === 'text') lines.push(String(input.notes.length));
  else lines.push(input.framing.basis);

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

  const opened = openLog('MsgType: END_CALL_EVENT\n  ConnectionCallID: 7\n', { format: 'text', calls: true });
  const summary: LogSummary = opened.summary();
  const page: CtiEvent[] = opened.events(0, 100);
  const rows: CallRow[] = opened.calls();
  const rule: OutcomeRule | undefined = rows[0]?.outcome.rule;
  const columns: CallColumns = opened.callColumns();
  const eventColumns: EventColumns = opened.eventColumns(0, 10);
  const found: Uint32Array = opened.searchCalls('7');
  const agents: Agent[] = opened.agentsOf(0);
  const one: Call = opened.call(0);
  lines.push(String(rule), String(columns.key.length), eventColumns.form, String(found.length), String(agents.length), one.key);
  lines.push(String(wasmMemoryBytes() > 0), String(opened.lineStart(1)?.[1]));
  try {
    opened.call(99);
  } catch (e) {
    // Every thrown Error carries its details.
    const refused = e as Error & ErrorDetails;
    const why: ErrorCode = refused.code;
    lines.push(why, refused.argument ?? '', refused.message);
  }
  opened.free();
  const fed = new CtiLog();
  fed.push(new Uint8Array(0));
  fed.push('MsgType: END_CALL_EVENT\n');
  fed.finish();
  lines.push(String(summary.eventCount), String(page.length), String(fed.length), summary.format ?? 'none');

  const recordsApi: CtiOutcomeRecords = await initRecords();
  const connres = recordsApi.decodeConnres(5, 'outbound', 17);
  lines.push(connres.symbol, decodeConnres(1, 'inbound').symbol);
  const records: DecodedRecords = decodeRecords('ID,bOutbound,CONNRES\n1,0,1\n', { columns: { connres: 'CONNRES' }, direction: 'inbound' });
  const leg: RecordLeg | undefined = records.calls[0]?.legs[0];
  lines.push(records.codes[leg?.connres ?? -1]?.label ?? 'none', records.separator);
  // A UCCX ContactCallDetail export with its ContactQueueDetail: legs with Cisco codes.
  const ccd: DecodedRecords = decodeRecords('sessionID,sessionSeqNum,contactDisposition\n7,0,2\n', undefined, 'sessionID,sessionSeqNum,disposition\n7,0,1\n');
  const family: 'jtel' | 'ucce-tcd' | 'uccx-ccd' = ccd.family;
  lines.push(family, ccd.clock, ccd.calls[0]?.legs[0]?.cisco?.disposition?.meaning ?? 'none', ccd.calls[0]?.remarks.join('; ') ?? '');
  const kept = new RecordLog(new Uint8Array(0));
  const head = kept.head();
  const listed: CallColumns = kept.callColumns();
  lines.push(String(head.rows), String(listed.key.length), String(kept.searchCalls('x').length));
  const firstCall: RecordCall | undefined = head.calls > 0 ? kept.call(0) : undefined;
  lines.push(firstCall?.outcome.rule ?? 'none');
  kept.free();
  // @ts-expect-error a mapping names one of the roles
  decodeRecords('', { columns: { result: 'Result' } });
  // @ts-expect-error a text decode's diagnostics have lines and columns, not byte offsets
  lines.push(String(log.diagnostics[0]?.offset));
  // @ts-expect-error a frames decode's events have byte offsets, not lines
  lines.push(String(frames.events[0]?.line));
  // @ts-expect-error a direction outside the union is a type error
  decodeConnres(5, 'sideways');
  // @ts-expect-error an outcome kind outside the union is a type error
  const wrong: OutcomeKind = 'exploded';
  return [...lines, String(wrong)];
}
