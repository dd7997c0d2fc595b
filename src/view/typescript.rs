//! TypeScript declarations of every JSON shape, generated from the view types.
