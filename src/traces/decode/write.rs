//! Writing a trace record's message into the store as a text event: its type, position and
//! time, and its fields under the guide's names (each product's spellings mapped once by
//! [`crate::codes::fields::resolve`], the name as written kept as the label).

use crate::codes::fields::Named;
use crate::codes::{enums, message_types, Codes, SymbolMatch};
use crate::diagnostic::{quoted, Diagnostic, DiagnosticCode};
use crate::store::{kind, EventType, Store, WrittenId};
use crate::text::typing::{Mistyped, Symbols};

pub(crate) use crate::store::Span as At;

/// Where in a gathered record something is written: the record and a byte of its text. The
/// line and column are worked out only when a diagnostic needs them.
#[derive(Clone, Copy)]
pub(crate) struct Loc<'a>(pub &'a super::Gathered, pub usize);

impl Loc<'_> {
    /// One-based line and column.
    pub fn position(self) -> (u32, u32) {
        self.0.position(self.1)
    }
}

/// A message type as a trace names it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ty<'a> {
    /// By number (Finesse's `msgID`, §2.1).
    Id(u16),
    /// By the §2.1 name, or a name no source lists (kept as written).
    Name(&'a str),
    /// A record that is no CTI Server message (`CSTA DELIVERED`, an OPC record): its name.
    #[cfg(feature = "dumplog")]
    Other(&'a str),
}

/// When a record was written: milliseconds (since 1970 UTC, or since midnight when the date
/// is not known) and the time as written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct When<'a> {
    pub ms: Option<(i64, bool)>,
    pub text: &'a str,
}

/// A field value as a trace writes it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Raw<'a> {
    /// Text to type for its field (a number, a symbol, a string).
    Text(&'a str),
    /// Finesse's and MIVR's `null`, `dumplog`'s `N/A`: no value.
    Absent(&'a str),
    /// Finesse's `N (NAME)`: the number, the name, and the whole text.
    Coded(i64, &'a str, &'a str),
}

/// What the writer keeps across records.
#[derive(Default)]
pub(crate) struct Writer {
    symbols: Symbols,
    /// Written names no mapping knows: the name, how often, and where first (one warning each
    /// at the end).
    unknown: Vec<(WrittenId, u64, u32, u32)>,
    /// Per written name (by its id): 0 not seen yet, `u32::MAX` known, else its place in
    /// `unknown` plus one.
    seen: Vec<u32>,
    /// `N (NAME)` pairs whose number and name disagree, said once each.
    disagreements: Vec<(WrittenId, i64)>,
}

impl Writer {
    /// Starts an event; the fields written next are its.
    pub fn begin(store: &mut Store, ty: Ty<'_>, label: Option<&str>, at: At, when: When<'_>) {
        let ty = match ty {
            Ty::Id(id) => EventType::Id(u32::from(id)),
            Ty::Name(name) => match message_types::id_of(name) {
                Some(id) => EventType::Id(u32::from(id)),
                None => EventType::Unnamed(store.strings.intern(name.as_bytes())),
            },
            #[cfg(feature = "dumplog")]
            Ty::Other(name) => EventType::Unnamed(store.strings.intern(name.as_bytes())),
        };
        let text = (!when.text.is_empty()).then_some(when.text);
        store.begin_event(ty, label, at, when.ms, text);
    }

    /// Marks the last event as cut short.
    pub fn truncated(store: &mut Store) {
        store.truncate_last();
    }

    /// Adds a field, its name resolved to the guide's; `at` is where it is written.
    pub fn field(&mut self, store: &mut Store, written: &str, raw: Raw<'_>, at: Loc<'_>) {
        let name = store.names.written(written);
        let named = store.names.get(name).named;
        self.check_name(name, named, at);
        let message_type = EventType::unpack(*store.events.ty.last().unwrap_or(&0)).id();
        let typed = match raw {
            Raw::Absent(text) => (kind::NA, store.strings.intern(text.as_bytes()).0, 0),
            Raw::Coded(n, symbol, whole) => {
                self.agree(store, (name, named), message_type, (n, symbol), at);
                (kind::NUMBER, store.strings.intern(whole.as_bytes()).0, n)
            }
            Raw::Text(text) => {
                let (typed, problem) =
                    self.symbols
                        .type_value(&mut store.strings, named, message_type, text);
                if let Some(problem) = problem {
                    invalid(store, written, text, problem, at.position());
                }
                typed
            }
        };
        push(store, name, typed);
    }

    /// Adds a field whose name is kept as written, never resolved (a CSTA event's, an OPC
    /// record's), its value a number when it reads as one.
    pub fn verbatim(&mut self, store: &mut Store, written: &str, raw: &str) {
        let name = store.names.verbatim(written);
        let (typed, _) = self
            .symbols
            .type_value(&mut store.strings, Named::Unknown, None, raw);
        push(store, name, typed);
    }

    /// Says once per name where a name no mapping knows was first written.
    fn check_name(&mut self, name: WrittenId, named: Named, at: Loc<'_>) {
        let slot = name.0 as usize;
        if self.seen.len() <= slot {
            self.seen.resize(slot + 1, 0);
        }
        match self.seen[slot] {
            u32::MAX => {}
            0 if named != Named::Unknown => self.seen[slot] = u32::MAX,
            0 => {
                let (line, column) = at.position();
                self.unknown.push((name, 1, line, column));
                self.seen[slot] = u32::try_from(self.unknown.len()).unwrap_or(u32::MAX - 1);
            }
            k => self.unknown[k as usize - 1].1 += 1,
        }
    }

    /// Checks that a number and the name written beside it (`7 (BUSY_OTHER)`) agree.
    fn agree(
        &mut self,
        store: &mut Store,
        (name, named): (WrittenId, Named),
        message_type: Option<u16>,
        (n, symbol): (i64, &str),
        at: Loc<'_>,
    ) {
        let Some(field) = named.field(message_type) else {
            return;
        };
        let Some(Codes::Enum(table)) = enums::codes_for(message_type, field) else {
            return;
        };
        // Only a name the reference gives for the number can be compared.
        let named_by_source = u32::try_from(n)
            .ok()
            .and_then(|v| table.get(v))
            .is_some_and(|code| !code.symbol.is_empty());
        let found = match table.find_symbol(symbol) {
            Some(SymbolMatch::Known(code)) => Some(i64::from(code.value)),
            _ => None,
        };
        if found == Some(n)
            || (found.is_none() && !named_by_source)
            || self.disagreements.contains(&(name, n))
        {
            return;
        }
        self.disagreements.push((name, n));
        let (line, column) = at.position();
        let says = match found {
            Some(v) => format!("the reference gives {v} for that name"),
            None => format!("the reference's {} table has no such name", table.name),
        };
        store.diagnostics.push(Diagnostic::text(
            DiagnosticCode::CodeMismatch,
            line,
            column,
            &format!(
                "{}: {n} is written with the name {symbol}, but {says}; the number is kept",
                field.name()
            ),
        ));
    }

    /// Ends the input: one warning per name no mapping knows, in the order first written.
    pub fn finish(&mut self, store: &mut Store) {
        for (name, count, line, column) in self.unknown.drain(..) {
            let written = String::from_utf8_lossy(store.names.written_text(&store.names.get(name)));
            let times = if count == 1 {
                String::new()
            } else {
                format!(" ({} times)", super::thousands(count))
            };
            let detail = format!("{}{times}", quoted(&written));
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::UnknownFieldName,
                line,
                column,
                &detail,
            ));
        }
    }
}

fn push(store: &mut Store, name: WrittenId, typed: (u8, u32, i64)) {
    store.push_field(name, typed);
}

/// Says where a value does not fit its field; the value is kept as text.
fn invalid(
    store: &mut Store,
    written: &str,
    raw: &str,
    problem: Mistyped,
    (line, column): (u32, u32),
) {
    let shown = quoted(raw);
    let detail = match problem {
        Mistyped::NotANumber(field) => format!(
            "{written}: {shown} is not a number (the field is {})",
            field.def().ty.wire_name()
        ),
        Mistyped::UnknownSymbol(_) => {
            format!("{written}: {shown} is not one of the values the references list for it")
        }
    };
    store.diagnostics.push(Diagnostic::text(
        DiagnosticCode::InvalidValue,
        line,
        column,
        &detail,
    ));
}
