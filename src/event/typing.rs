//! Typing a field's raw text: numbers, coded symbols, empty, `N/A`, `<TotalBytes: N>`.

use std::borrow::Cow;

use crate::codes::fields::FieldDef;
use crate::codes::SymbolMatch;
use crate::event::{explain, Value};

/// A typed value with its symbol and meaning.
pub(crate) type Typed = (Value, Option<&'static str>, Option<Cow<'static, str>>);

/// Types `raw` (already trimmed) for a field defined by `def` (`None` for an unknown field).
pub(crate) fn type_value(def: Option<&FieldDef>, raw: &str) -> Typed {
    if raw.is_empty() {
        return (Value::Empty, None, None);
    }
    if raw.eq_ignore_ascii_case("N/A") {
        return (Value::NotApplicable, None, None);
    }
    if let Some(n) = total_bytes(raw) {
        return (Value::TotalBytes(n), None, None);
    }
    let Some(def) = def else {
        return match plain_integer(raw) {
            Some(n) => (Value::Number(n), None, None),
            None => (Value::Text, None, None),
        };
    };
    if let Some(n) = def.ty.is_numeric().then(|| integer(raw)).flatten() {
        let (symbol, meaning) = explain(def, n);
        return (Value::Number(n), symbol, meaning);
    }
    let Some(table) = def.codes else {
        return (Value::Text, None, None);
    };
    match table.find_symbol(raw) {
        Some(SymbolMatch::Known(code)) => {
            let (symbol, meaning) = code.explanation();
            (Value::Number(i64::from(code.value)), symbol, meaning)
        }
        Some(SymbolMatch::Unnumbered(symbol, meaning)) => {
            (Value::Text, Some(symbol), Some(Cow::Borrowed(meaning)))
        }
        None => (
            Value::Text,
            None,
            Some(Cow::Owned(format!(
                "not a documented {} symbol",
                table.name
            ))),
        ),
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
fn integer(raw: &str) -> Option<i64> {
    if let Some(hex) = raw.strip_prefix("0x").or_else(|| raw.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16)
            .ok()
            .filter(|n| !hex.starts_with(['+', '-']) && n.unsigned_abs() <= MAX_SAFE_INTEGER);
    }
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse()
        .ok()
        .filter(|n: &i64| n.unsigned_abs() <= MAX_SAFE_INTEGER)
}

/// Integers beyond 2^53 − 1 stay text: JavaScript numbers cannot hold them exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// An integer for a field of unknown type: only text that reads back the same (no leading
/// zeros or `+`), so identifiers like `0049…` stay text.
fn plain_integer(raw: &str) -> Option<i64> {
    let n = integer(raw).filter(|_| !raw.starts_with("0x") && !raw.starts_with("0X"))?;
    (n.to_string() == raw).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::fields::lookup;

    fn typed(field: &str, raw: &str) -> (Value, Option<&'static str>, Option<String>) {
        let (v, s, m) = type_value(lookup(field), raw);
        (v, s, m.map(Cow::into_owned))
    }

    #[test]
    fn both_dialects_decode_to_the_same_symbol_and_meaning() {
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
            let (nv, ns, nm) = typed(field, numeric);
            let (sv, ss, sm) = typed(field, symbolic);
            assert_eq!(
                (nv, ns, &nm),
                (sv, ss, &sm),
                "{field}: {numeric} vs {symbolic}"
            );
            assert!(ns.is_some() && nm.is_some(), "{field} {numeric}");
        }
    }

    #[test]
    fn values_are_typed_by_field() {
        assert_eq!(
            typed("ConnectionDeviceID", "4020").0,
            Value::Text,
            "device IDs are strings"
        );
        assert_eq!(
            typed("ConnectionCallID", "16800097").0,
            Value::Number(16_800_097)
        );
        assert_eq!(typed("SkillGroupNumber", "N/A").0, Value::NotApplicable);
        assert_eq!(typed("CustomerPhoneNumber", "").0, Value::Empty);
        assert_eq!(
            typed("ExpandedCallContext", "<TotalBytes: 18>").0,
            Value::TotalBytes(18)
        );
        assert_eq!(typed("EventCause", "0xFFFF").1, Some("CEC_NONE"));
        let (v, s, m) = typed("CalledPartyDisposition", "CD_INVALID");
        assert_eq!((v, s), (Value::Text, Some("CD_INVALID")));
        assert!(m.unwrap().contains("no source gives its number"));
        let (v, s, m) = typed("EventCause", "CEC_MADE_UP");
        assert_eq!(
            (v, s, m.as_deref()),
            (
                Value::Text,
                None,
                Some("not a documented EventCause symbol")
            )
        );
        assert_eq!(typed("StateDuration", "12x").0, Value::Text);
    }

    #[test]
    fn unknown_fields_keep_identifier_like_text() {
        assert_eq!(type_value(None, "42").0, Value::Number(42));
        assert_eq!(type_value(None, "-7").0, Value::Number(-7));
        assert_eq!(type_value(None, "0049301234").0, Value::Text);
        assert_eq!(type_value(None, "+49").0, Value::Text);
        assert_eq!(type_value(None, "99999999999999999999").0, Value::Text);
        assert_eq!(
            type_value(None, "9007199254740991").0,
            Value::Number(9_007_199_254_740_991)
        );
        assert_eq!(
            type_value(None, "9007199254740992").0,
            Value::Text,
            "beyond 2^53 - 1"
        );
    }
}
