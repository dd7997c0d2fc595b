//! Tables of facts: CONNRES, Q.850 causes, CTI message types, enumerations and field names.
//!
//! Every number here comes from the reference tables in `tests/fixtures/reference/` (copies of the
//! project's protocol notes, each table naming its Cisco or ITU source). The tables know nothing
//! of events; decoders look values up here.

pub mod connres;
pub mod cti;
pub mod fields;
pub mod message_types;
pub mod q850;

/// One documented value of a coded field: its number, protocol symbol and a one-line meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The numeric value as sent on the wire.
    pub value: u32,
    /// The protocol's symbolic name (e.g. `CEC_NONE`); empty where the source gives none.
    pub symbol: &'static str,
    /// What the value means, in words.
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

    /// The symbol (`None` where the source gives none) and the meaning, as a field carries them.
    #[must_use]
    pub fn explanation(&self) -> (Option<&'static str>, Option<std::borrow::Cow<'static, str>>) {
        let symbol = (!self.symbol.is_empty()).then_some(self.symbol);
        (symbol, Some(std::borrow::Cow::Borrowed(self.meaning)))
    }
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
    /// The documented value `value`, if any.
    #[must_use]
    pub fn get(&self, value: u32) -> Option<&'static Code> {
        let codes = self.codes;
        codes
            .binary_search_by_key(&value, |c| c.value)
            .ok()
            .map(|i| &codes[i])
    }

    /// Resolves a symbol as a dump prints it: the full symbol, the symbol without the table's
    /// prefix (`AVAILABLE` for `AGENT_STATE_AVAILABLE`), or a known misspelling; ASCII case is
    /// ignored.
    #[must_use]
    pub fn find_symbol(&self, text: &str) -> Option<SymbolMatch> {
        let codes = self.codes;
        let prefix = self.prefix;
        let matches = |symbol: &str| {
            symbol.eq_ignore_ascii_case(text)
                || (symbol.len() == prefix.len() + text.len()
                    && symbol.starts_with(prefix)
                    && symbol[prefix.len()..].eq_ignore_ascii_case(text))
        };
        if let Some(code) = codes
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_sorted_by_value_without_repeats() {
        for table in cti::ALL_TABLES {
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
    fn symbols_resolve_with_or_without_prefix_and_through_aliases() {
        let state = &cti::AGENT_STATE;
        assert_eq!(state.find_symbol("AVAILABLE").map(value), Some(3));
        assert_eq!(
            state.find_symbol("AGENT_STATE_AVAILABLE").map(value),
            Some(3)
        );
        assert_eq!(state.find_symbol("AVAILABLEState").map(value), Some(3));
        assert_eq!(
            cti::LOCAL_CONNECTION_STATE
                .find_symbol("LCS_ALERTIN")
                .map(value),
            Some(2)
        );
        assert_eq!(
            cti::EVENT_CAUSE.find_symbol("cec_none").map(value),
            Some(0xFFFF)
        );
        assert_eq!(cti::EVENT_CAUSE.find_symbol("NOT_A_CAUSE"), None);
        assert!(matches!(
            cti::CALLED_PARTY_DISPOSITION.find_symbol("CD_INVALID"),
            Some(SymbolMatch::Unnumbered("CD_INVALID", _))
        ));
    }

    fn value(m: SymbolMatch) -> u32 {
        match m {
            SymbolMatch::Known(c) => c.value,
            SymbolMatch::Unnumbered(..) => u32::MAX,
        }
    }
}
