//! Explaining a field's number in words: coded tables, and TIME as a UTC date.

use std::borrow::Cow;

use crate::codes::fields::{FieldDef, FieldType};

/// The symbol and meaning of `value` for field `def`: a coded field's table entry, a TIME's
/// UTC date, or nothing.
#[must_use]
pub fn explain(def: &FieldDef, value: i64) -> (Option<&'static str>, Option<Cow<'static, str>>) {
    if let Some(table) = def.codes {
        return match u32::try_from(value).ok().and_then(|v| table.get(v)) {
            Some(code) => code.explanation(),
            None => (
                None,
                Some(Cow::Owned(format!("not a documented {} value", table.name))),
            ),
        };
    }
    if def.ty == FieldType::Time {
        return (None, Some(Cow::Owned(utc_date(value))));
    }
    (None, None)
}

/// Seconds since 1970-01-01 00:00 UTC as `YYYY-MM-DDTHH:MM:SSZ`.
fn utc_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (y, m, d) = crate::timeline::time::civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::fields::lookup;

    #[test]
    fn coded_values_get_symbol_and_meaning() {
        let lcs = lookup("LocalConnectionState").unwrap();
        assert_eq!(
            explain(lcs, 2),
            (Some("LCS_ALERTING"), Some(Cow::Borrowed("Ringing")))
        );
        let (symbol, meaning) = explain(lcs, 9);
        assert_eq!(symbol, None);
        assert_eq!(
            meaning.as_deref(),
            Some("not a documented LocalConnectionState value")
        );
    }

    #[test]
    fn time_is_a_utc_date() {
        let time = lookup("ICMCentralControllerTime").unwrap();
        assert_eq!(explain(time, 0).1.as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(
            explain(time, 951_782_400).1.as_deref(),
            Some("2000-02-29T00:00:00Z")
        );
        assert_eq!(
            explain(time, 4_294_967_295).1.as_deref(),
            Some("2106-02-07T06:28:15Z")
        );
    }
}
