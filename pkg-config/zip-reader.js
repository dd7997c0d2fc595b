// What the package takes of zip.js (@zip.js/zip.js, BSD-3-Clause, by Gildas Lormeau): reading
// zip archives from Blobs, entries inflated by the platform's DecompressionStream. assemble.mjs
// bundles it (esbuild) into the package's own zip-reader.js, so that the package has no
// dependencies and loads it only when an archive is opened.
export { ZipReader, BlobReader, BlobWriter, configure } from '@zip.js/zip.js/lib/zip-core-custom.js';
