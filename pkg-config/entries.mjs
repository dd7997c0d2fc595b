// The package's entry points: the one list the entry files (browsers and bundlers; Node's import
// and require), their declarations and package.json's `exports` are generated from
// (assemble.mjs). Each entry is a WebAssembly module of its own (`module`, a build of the crate
// with its `wasm-*` feature: src/wasm.rs) and an API made over its glue by a function of api.js
// (`api`), typed there (`type`).
export const ENTRIES = [
  {
    module: 'main',
    path: '.',
    api: 'makeApi',
    type: 'CtiOutcome',
    about: 'CTI text dumps, hex dumps and GED-188 frames decoded into events, calls and agents',
    functions: ['decodeLog', 'decodeFrames', 'decodeInput', 'openLog', 'openCollection', 'logOfFrames', 'buildTimeline', 'sniff', 'version', 'wasmMemoryBytes'],
    classes: ['CtiLog', 'FrameDecoder', 'TimelineBuilder'],
  },
  {
    module: 'encode',
    path: './encode',
    api: 'encodeApi',
    type: 'CtiOutcomeEncode',
    about: 'events written as GED-188 frames (fake feeds in tests)',
    functions: ['encodeEvents'],
    classes: [],
  },
  {
    module: 'capture',
    path: './capture',
    api: 'captureApi',
    type: 'CtiOutcomeCapture',
    about: "pcap and pcapng captures read down to their CTI frames (the main entry's logOfFrames decodes them)",
    functions: ['readCapture'],
    classes: [],
  },
  {
    module: 'records',
    path: './records',
    api: 'recordsApi',
    type: 'CtiOutcomeRecords',
    about: 'CONNRES end-of-call codes, and call-record exports read into calls with legs and outcomes',
    functions: ['decodeConnres', 'decodeRecords'],
    classes: ['RecordLog'],
  },
  {
    module: 'live',
    path: './live',
    api: 'liveApi',
    type: 'CtiOutcomeLive',
    about: "an agent desktop's live view: CTI events, frames or Finesse notifications pushed as they arrive, and the calls each push changed, with phase and outcome",
    functions: [],
    classes: ['LiveView'],
  },
  {
    module: 'traces',
    path: './traces',
    api: 'tracesApi',
    type: 'CtiOutcomeTraces',
    about: 'Cisco server traces (Finesse webservices, MIVR ICD_CTI, UCCE dumplog) read into logs',
    functions: ['decodeLog', 'decodeInput', 'openLog', 'openCollection', 'wasmMemoryBytes'],
    classes: ['CtiLog'],
  },
  {
    module: 'finesse',
    path: './finesse',
    api: 'finesseApi',
    type: 'CtiOutcomeFinesse',
    about: "a Finesse server's webservices log (its CTI messages and the notifications it published) and saved Finesse notifications read into logs, dialogs as calls",
    functions: ['decodeLog', 'decodeInput', 'openLog', 'openCollection', 'wasmMemoryBytes'],
    classes: ['CtiLog'],
  },
];
