// The part of zip.js's API (its index.d.ts) that collection.js uses.
export declare function configure(options: { useWebWorkers?: boolean; useCompressionStream?: boolean }): void;
export declare class BlobReader {
  constructor(blob: Blob);
}
export declare class BlobWriter {
  constructor(mimeString?: string);
}
export interface Entry {
  filename: string;
  directory: boolean;
  encrypted: boolean;
  getData(writer: BlobWriter): Promise<Blob>;
}
export declare class ZipReader {
  constructor(reader: BlobReader);
  getEntries(): Promise<Entry[]>;
}
