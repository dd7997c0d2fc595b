//! Tables of facts: CONNRES, Q.850 causes, CTI message types, enumerations, bit masks, field
//! names and the binary layouts by protocol version.
//!
//! Every number here comes from the reference tables in `tests/fixtures/reference/` (copies of the
//! project's protocol notes, each table naming its Cisco or open-source source). The tables know
//! nothing of events; decoders and views look values up here. A value's meaning is produced when
//! it is asked for (the way h2's `Reason::description` works), never stored with the value.

pub mod call;
pub mod connres;
pub mod enums;
pub mod fields;
pub mod layouts;
pub mod message_types;
pub mod q850;
pub mod session;
pub mod tags;

use std::borrow::Cow;

/// One documented value of a coded field: its number, protocol symbol and a one-line meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The numeric value as sent on the wire.
    pub value: u32,
    /// The protocol's symbolic name (e.g. `CEC_NONE`); empty where the source gives none.
    pub symbol: &'static str,
    /// What the value means, in words; empty where the source gives only the symbol, whose
    /// words then stand for it (see [`Code::meaning`]).
    pub meaning: &'static str,
}

impl Code {
    pub(crate) const fn new(value: u32, symbol: &'static str, meaning: &'static str) -> Self {
        Code {
            value,
            symbol,
            meaning,
        }
    }

    /// A value the source names but does not describe: its meaning is its symbol in words.
    pub(crate) const fn sym(value: u32, symbol: &'static str) -> Self {
        Code::new(value, symbol, "")
    }

    /// The meaning in words: the source's, or the symbol without its table prefix, in lower
    /// case but for the acronyms (`CF_NO_ACTIVE_CALL` → "No active call").
    #[must_use]
    pub fn meaning(&self, prefix: &str) -> Cow<'static, str> {
        if self.meaning.is_empty() {
            Cow::Owned(words(
                self.symbol.strip_prefix(prefix).unwrap_or(self.symbol),
            ))
        } else {
            Cow::Borrowed(self.meaning)
        }
    }
}

/// Acronyms kept upper case when a symbol is put into words.
const ACRONYMS: &[&str] = &[
    "ACD", "ANI", "CCE", "CSQ", "CSTA", "CTI", "DN", "DNIS", "DTMF", "ECC", "ICM", "ID", "IP",
    "IPV6", "IVR", "MR", "MRD", "NIC", "PAC", "PG", "RTP", "SSO", "TCP", "UCCX", "VRU", "XFER",
];

/// `NO_ACTIVE_CALL` → "No active call".
fn words(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    for (i, word) in symbol.split('_').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if ACRONYMS.contains(&word) || word.bytes().any(|b| b.is_ascii_digit()) {
            out.push_str(word);
        } else if i == 0 {
            out.push_str(&word[..1]);
            out.push_str(&word[1..].to_ascii_lowercase());
        } else {
            out.push_str(&word.to_ascii_lowercase());
        }
    }
    out
}

/// A coded field's table: look values up by number or by the symbol a text dump prints.
#[derive(Debug)]
pub struct CodeTable {
    /// The enumeration's name (e.g. `EventCause`).
    pub name: &'static str,
    /// The prefix the symbols share (e.g. `CEC_`); text dumps sometimes print symbols without it.
    pub prefix: &'static str,
    /// The documented values, sorted by value.
    pub codes: &'static [Code],
    /// Other spellings seen in published dumps, with the value they stand for (e.g. `LCS_ALERTIN`).
    pub aliases: &'static [(&'static str, u32)],
    /// Symbols that dumps print but whose number no source gives, with their meaning.
    pub unnumbered: &'static [(&'static str, &'static str)],
    /// What the reference doubts about the table, if anything (printed with its meanings).
    pub doubt: Option<&'static str>,
    /// Values above `base` whose meaning is another table's value `value − base` (one table,
    /// two uses: the extended EventCause values 1001–1065 are the CallDisposition codes 1–65,
    /// `cti-protocol.md` §4.7).
    pub meanings_from: Option<(u32, &'static CodeTable)>,
}

/// What a symbol written in a dump resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolMatch {
    /// A documented value.
    Known(&'static Code),
    /// A documented symbol whose number is not known (its symbol and meaning).
    Unnumbered(&'static str, &'static str),
}

impl CodeTable {
    /// A table with no aliases, unnumbered symbols or doubt.
    pub(crate) const fn plain(
        name: &'static str,
        prefix: &'static str,
        codes: &'static [Code],
    ) -> Self {
        CodeTable {
            name,
            prefix,
            codes,
            aliases: &[],
            unnumbered: &[],
            doubt: None,
            meanings_from: None,
        }
    }

    /// The documented value `value`, if any.
    #[must_use]
    pub fn get(&self, value: u32) -> Option<&'static Code> {
        let codes = self.codes;
        codes
            .binary_search_by_key(&value, |c| c.value)
            .ok()
            .map(|i| &codes[i])
    }

    /// The symbol (`None` where the source gives none) and meaning of `value`; for a value the
    /// table does not document, no symbol and a meaning that says so.
    #[must_use]
    pub fn explain(&self, value: u32) -> (Option<&'static str>, Cow<'static, str>) {
        match self.get(value) {
            Some(code) => {
                let symbol = (!code.symbol.is_empty()).then_some(code.symbol);
                let meaning = match self.meanings_from {
                    Some((base, other)) if code.meaning.is_empty() && value > base => other
                        .get(value - base)
                        .map_or_else(|| code.meaning(self.prefix), |c| c.meaning(other.prefix)),
                    _ => code.meaning(self.prefix),
                };
                match self.doubt {
                    Some(doubt) => (symbol, Cow::Owned(format!("{meaning} ({doubt})"))),
                    None => (symbol, meaning),
                }
            }
            None => (
                None,
                Cow::Owned(format!("not a documented {} value", self.name)),
            ),
        }
    }

    /// Resolves a symbol as a dump prints it: the full symbol, the symbol without the table's
    /// prefix (`AVAILABLE` for `AGENT_STATE_AVAILABLE`), or a known misspelling; ASCII case is
    /// ignored.
    #[must_use]
    pub fn find_symbol(&self, text: &str) -> Option<SymbolMatch> {
        let prefix = self.prefix;
        let matches = |symbol: &str| {
            symbol.eq_ignore_ascii_case(text)
                || (symbol.len() == prefix.len() + text.len()
                    && symbol.starts_with(prefix)
                    && symbol[prefix.len()..].eq_ignore_ascii_case(text))
        };
        if let Some(code) = self
            .codes
            .iter()
            .find(|c| !c.symbol.is_empty() && matches(c.symbol))
        {
            return Some(SymbolMatch::Known(code));
        }
        if let Some(&(_, value)) = self
            .aliases
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(text))
        {
            return self.get(value).map(SymbolMatch::Known);
        }
        self.unnumbered
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(text))
            .map(|&(s, m)| SymbolMatch::Unnumbered(s, m))
    }
}

/// One bit of a bit-mask field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag {
    /// The bit (or bits) it stands for.
    pub bits: u32,
    /// The protocol's name for it.
    pub symbol: &'static str,
}

/// A bit-mask field's flags (reference §4.3, §4.15).
#[derive(Debug)]
pub struct MaskTable {
    /// The mask's name (e.g. `ServicesRequested`).
    pub name: &'static str,
    /// The documented flags.
    pub flags: &'static [Flag],
    /// The words for 0, when the source gives them.
    pub zero: Option<&'static str>,
}

impl MaskTable {
    /// The flags set in `value` as `A|B`, and in words, with any undocumented bits in hex.
    #[must_use]
    pub fn explain(&self, value: u32) -> (Option<String>, Cow<'static, str>) {
        if value == 0 {
            return (None, Cow::Borrowed(self.zero.unwrap_or("no flags set")));
        }
        let set: Vec<&Flag> = self
            .flags
            .iter()
            .filter(|f| value & f.bits == f.bits)
            .collect();
        let known = set.iter().fold(0, |acc, f| acc | f.bits);
        let mut names: Vec<String> = set.iter().map(|f| f.symbol.to_owned()).collect();
        if value & !known != 0 {
            names.push(format!("undocumented bits 0x{:08x}", value & !known));
        }
        let symbol =
            (!set.is_empty()).then(|| set.iter().map(|f| f.symbol).collect::<Vec<_>>().join("|"));
        (symbol, Cow::Owned(names.join(", ")))
    }
}

/// How a field's values are explained.
#[derive(Clone, Copy, Debug)]
pub enum Codes {
    /// By an enumeration.
    Enum(&'static CodeTable),
    /// As a bit mask.
    Mask(&'static MaskTable),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_sorted_by_value_without_repeats() {
        for table in enums::ALL_TABLES {
            assert!(
                table.codes.windows(2).all(|w| w[0].value < w[1].value),
                "{} is not strictly sorted",
                table.name
            );
            for (alias, value) in table.aliases {
                assert!(
                    table.get(*value).is_some(),
                    "{}: alias {alias} points nowhere",
                    table.name
                );
            }
        }
    }

    #[test]
    fn a_meaning_is_written_only_where_the_source_says_more_than_the_symbol() {
        for table in enums::ALL_TABLES {
            for code in table.codes {
                let plain = code
                    .symbol
                    .strip_prefix(table.prefix)
                    .unwrap_or(code.symbol);
                assert_ne!(
                    code.meaning,
                    words(plain),
                    "{} {}: the meaning is the symbol in words; leave it empty",
                    table.name,
                    code.symbol
                );
            }
        }
    }

    #[test]
    fn symbols_resolve_with_or_without_prefix_and_through_aliases() {
        let state = &session::AGENT_STATE;
        assert_eq!(state.find_symbol("AVAILABLE").map(value), Some(3));
        assert_eq!(
            state.find_symbol("AGENT_STATE_AVAILABLE").map(value),
            Some(3)
        );
        assert_eq!(state.find_symbol("AVAILABLEState").map(value), Some(3));
        assert_eq!(
            call::LOCAL_CONNECTION_STATE
                .find_symbol("LCS_ALERTIN")
                .map(value),
            Some(2)
        );
        assert_eq!(
            call::EVENT_CAUSE.find_symbol("cec_none").map(value),
            Some(0xFFFF)
        );
        assert_eq!(call::EVENT_CAUSE.find_symbol("NOT_A_CAUSE"), None);
        // One table, two uses: an extended cause means its CallDisposition (1000 + code).
        assert_eq!(
            call::EVENT_CAUSE.explain(1019).1,
            call::CALLED_PARTY_DISPOSITION.explain(19).1
        );
        assert_eq!(call::EVENT_CAUSE.explain(1019).1, "Ring No Answer");
        assert_eq!(call::EVENT_CAUSE.explain(1056).1, "Network conference");
        assert!(matches!(
            call::CALLED_PARTY_DISPOSITION.find_symbol("CD_INVALID"),
            Some(SymbolMatch::Unnumbered("CD_INVALID", _))
        ));
    }

    #[test]
    fn symbols_become_words_with_their_acronyms() {
        assert_eq!(words("NO_ACTIVE_CALL"), "No active call");
        assert_eq!(
            words("INVALID_CSTA_CALL_IDENTIFIER"),
            "Invalid CSTA call identifier"
        );
        assert_eq!(words("SERVICE_BUSY"), "Service busy");
        let code = Code::sym(24, "CF_NO_ACTIVE_CALL");
        assert_eq!(code.meaning("CF_"), "No active call");
    }

    #[test]
    fn masks_name_every_flag_and_the_bits_no_source_names() {
        let (symbol, meaning) = enums::PG_STATUS.explain(0x0000_0003);
        assert_eq!(symbol.as_deref(), Some("PGS_OPC_DOWN|PGS_CC_DOWN"));
        assert_eq!(meaning, "PGS_OPC_DOWN, PGS_CC_DOWN");
        let (_, meaning) = enums::PG_STATUS.explain(0x0000_0101);
        assert_eq!(meaning, "PGS_OPC_DOWN, undocumented bits 0x00000100");
        assert_eq!(enums::PG_STATUS.explain(0).1, "normal");
    }

    fn value(m: SymbolMatch) -> u32 {
        match m {
            SymbolMatch::Known(c) => c.value,
            SymbolMatch::Unnumbered(..) => u32::MAX,
        }
    }
}
