//! Typing a field's value as written: numbers, coded symbols, empty, `N/A`, `<TotalBytes: N>`.
//!
//! The result is a row of the store's field columns: a kind, the text as written (interned, and
//! only when it is not the decimal text of the number) and the number.

use rustc_hash::FxHashMap;

use crate::codes::fields::{FieldId, FieldType, Named};
use crate::codes::{enums, Codes, SymbolMatch};
use crate::store::{kind, Interner, StrId, NO_STR};

/// A typed value: kind, raw string (or [`NO_STR`]), number.
pub(crate) type Typed = (u8, u32, i64);

/// Why a value did not take its field's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mistyped {
    /// A numeric field holds something that is neither a number nor a symbol of its table.
    NotANumber(FieldId),
    /// A coded field holds a symbol its table does not list.
    UnknownSymbol(FieldId),
}

/// Remembers how each symbol written in a log resolved, so that a symbol's table is searched
/// once per log rather than once per field.
#[derive(Default)]
pub(crate) struct Symbols {
    /// (field, interned symbol) → the value, or `u32::MAX` when the table has no number for it.
    memo: FxHashMap<(FieldId, StrId), u32>,
}

impl Symbols {
    /// Types `raw` (already trimmed) for a field named `named` in a message of type
    /// `message_type`.
    pub fn type_value(
        &mut self,
        strings: &mut Interner,
        named: Named,
        message_type: Option<u16>,
        raw: &str,
    ) -> (Typed, Option<Mistyped>) {
        if raw.is_empty() {
            return ((kind::EMPTY, NO_STR, 0), None);
        }
        let interned = |strings: &mut Interner| strings.intern(raw.as_bytes()).0;
        if raw.eq_ignore_ascii_case("N/A") {
            return ((kind::NA, interned(strings), 0), None);
        }
        if let Some(n) = total_bytes(raw) {
            return ((kind::TOTAL_BYTES, interned(strings), i64::from(n)), None);
        }
        let field = match named {
            Named::Ecc => return ((kind::TEXT, interned(strings), 0), None),
            Named::Unknown => return (plain(strings, raw), None),
            _ => named.field(message_type),
        };
        let Some(field) = field else {
            return (plain(strings, raw), None);
        };
        let ty = field.def().ty;
        if ty == FieldType::Mixed {
            return (plain(strings, raw), None);
        }
        if ty.is_numeric() {
            if let Some(n) = integer(raw) {
                let raw = if canonical(raw) {
                    NO_STR
                } else {
                    interned(strings)
                };
                return ((kind::NUMBER, raw, n), None);
            }
        }
        let Some(Codes::Enum(table)) = enums::codes_for(message_type, field) else {
            let problem = ty.is_numeric().then_some(Mistyped::NotANumber(field));
            return ((kind::TEXT, interned(strings), 0), problem);
        };
        let id = strings.intern(raw.as_bytes());
        let value = *self
            .memo
            .entry((field, id))
            .or_insert_with(|| match table.find_symbol(raw) {
                Some(SymbolMatch::Known(code)) => code.value,
                _ => u32::MAX,
            });
        if value == u32::MAX {
            let problem = match table.find_symbol(raw) {
                Some(SymbolMatch::Unnumbered(..)) => None,
                _ => Some(Mistyped::UnknownSymbol(field)),
            };
            return ((kind::TEXT, id.0, 0), problem);
        }
        ((kind::NUMBER, id.0, i64::from(value)), None)
    }
}

/// A value of a field no source types: a number only when it reads back the same (no leading
/// zeros or `+`), so identifiers like `0049…` stay text.
pub(crate) fn plain(strings: &mut Interner, raw: &str) -> Typed {
    match integer(raw).filter(|_| canonical(raw)) {
        Some(n) => (kind::NUMBER, NO_STR, n),
        None => (kind::TEXT, strings.intern(raw.as_bytes()).0, 0),
    }
}

/// Whether `raw` is an integer's decimal text as a number prints (no `+`, no leading zeros,
/// no `-0`): then the number alone gives it back.
fn canonical(raw: &str) -> bool {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    match digits.as_bytes() {
        [b'0'] => digits.len() == raw.len(),
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

/// `<TotalBytes: N>` → N.
fn total_bytes(raw: &str) -> Option<u32> {
    let inner = raw.strip_prefix('<')?.strip_suffix('>')?;
    let (key, n) = inner.split_once(':')?;
    if !key.trim().eq_ignore_ascii_case("TotalBytes") {
        return None;
    }
    n.trim().parse().ok()
}

/// An integer for a numeric field: decimal (sign and leading zeros allowed) or `0x` hex.
pub(crate) fn integer(raw: &str) -> Option<i64> {
    if let Some(hex) = raw.strip_prefix("0x").or_else(|| raw.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16)
            .ok()
            .filter(|n| !hex.starts_with(['+', '-']) && n.unsigned_abs() <= MAX_SAFE_INTEGER);
    }
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, raw),
    };
    if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits
        .bytes()
        .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0'));
    (n.unsigned_abs() <= MAX_SAFE_INTEGER).then_some(if negative { -n } else { n })
}

/// Integers beyond 2^53 − 1 stay text: JavaScript numbers cannot hold them exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::fields::resolve;

    fn typed(field: &str, raw: &str) -> (u8, bool, i64, Option<Mistyped>) {
        let mut strings = Interner::default();
        let ((k, r, n), problem) =
            Symbols::default().type_value(&mut strings, resolve(field).named, Some(30), raw);
        (k, r != NO_STR, n, problem)
    }

    #[test]
    fn both_dialects_decode_to_the_same_number() {
        for (field, numeric, symbolic) in [
            ("EventCause", "65535", "CEC_NONE"),
            ("LocalConnectionState", "0", "LCS_NULL"),
            ("LocalConnectionState", "2", "LCS_ALERTIN"),
            ("ConnectionDeviceIDType", "0", "CONNECTION_ID_STATIC"),
            ("AgentState", "3", "AVAILABLE"),
            ("SkillGroupState", "3", "AVAILABLEState"),
            ("CallType", "18", "CALLTYPE_RESERVATION"),
            ("ReleasingDeviceType", "76", "DEVID_AGENT_DEVICE_IDENTIFIER"),
        ] {
            let (nk, nraw, nn, _) = typed(field, numeric);
            let (sk, sraw, sn, _) = typed(field, symbolic);
            assert_eq!((nk, nn), (sk, sn), "{field}: {numeric} vs {symbolic}");
            assert!(!nraw && sraw, "{field}: the symbol is kept as written");
        }
    }

    #[test]
    fn values_are_typed_by_field() {
        assert_eq!(typed("ConnectionDeviceID", "4020").0, kind::TEXT);
        assert_eq!(typed("ConnectionCallID", "16800097").2, 16_800_097);
        assert_eq!(typed("SkillGroupNumber", "N/A").0, kind::NA);
        assert_eq!(typed("CustomerPhoneNumber", "").0, kind::EMPTY);
        assert_eq!(
            typed("ExpandedCallContext", "<TotalBytes: 18>"),
            (kind::TOTAL_BYTES, true, 18, None)
        );
        assert_eq!(
            typed("EventCause", "0xFFFF"),
            (kind::NUMBER, true, 0xFFFF, None)
        );
        assert_eq!(
            typed("CalledPartyDisposition", "CD_INVALID"),
            (kind::TEXT, true, 0, None)
        );
        assert_eq!(
            typed("EventCause", "CEC_MADE_UP").3,
            Some(Mistyped::UnknownSymbol(FieldId::EventCause))
        );
        assert_eq!(
            typed("StateDuration", "12x").3,
            Some(Mistyped::NotANumber(FieldId::StateDuration))
        );
        assert_eq!(
            typed("BAResponse", "123").0,
            kind::TEXT,
            "ECC values stay text"
        );
    }

    #[test]
    fn unknown_fields_keep_identifier_like_text() {
        assert_eq!(typed("Unknown", "42").0, kind::NUMBER);
        assert_eq!(typed("Unknown", "-7").2, -7);
        assert_eq!(typed("Unknown", "0049301234").0, kind::TEXT);
        assert_eq!(typed("Unknown", "+49").0, kind::TEXT);
        assert_eq!(typed("Unknown", "99999999999999999999").0, kind::TEXT);
        assert_eq!(typed("Unknown", "9007199254740991").0, kind::NUMBER);
        assert_eq!(
            typed("Unknown", "9007199254740992").0,
            kind::TEXT,
            "beyond 2^53 - 1"
        );
    }
}
