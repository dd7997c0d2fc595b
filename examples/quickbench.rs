//! Quick timing (temporary).
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let binary = path.ends_with(".bin");
    let t = Instant::now();
    let mut store = if binary {
        cti_outcome::binary::decode(&bytes, Default::default()).0
    } else {
        cti_outcome::text::decode(&bytes)
    };
    let dec = t.elapsed();
    let t = Instant::now();
    let mut b = cti_outcome::timeline::Timeline::default();
    b.push(&mut store, usize::MAX);
    let push = t.elapsed();
    let t = Instant::now();
    b.finish(&store);
    let fin = t.elapsed();
    println!("decode {:.1} ms ({:.0} MB/s, {} events) push {:.1} ms, finish {:.1} ms ({} calls), heap {:.1} MB", dec.as_secs_f64()*1e3, bytes.len() as f64/1e6/dec.as_secs_f64(), store.len(), push.as_secs_f64()*1e3, fin.as_secs_f64()*1e3, b.call_count(), store.heap_bytes() as f64/1e6);
}
