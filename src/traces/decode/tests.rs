//! Unit tests of the trace decoder's line handling; the fixtures' tests are in `tests/traces.rs`.

use super::*;

#[test]
fn thousands_are_grouped() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(41_233), "41,233");
    assert_eq!(thousands(1_234_567), "1,234,567");
}
