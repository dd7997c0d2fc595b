//! Options as the package's functions take them, each field named once.
//!
//! Every options type ([`crate::log::LogOptions`], [`crate::binary::Options`],
//! [`crate::records::RecordOptions`], [`crate::capture::CaptureOptions`],
//! `crate::live::LiveOptions`) lists its fields with [`settable!`] beside its declaration: the
//! name its TypeScript declaration gives each one (a test holds the two together) and how a
//! value is taken. The boundary reads an options object in one loop over that list
//! (`options` in `src/wasm.rs`), whatever holds the values: [`Given`] is the little it asks of
//! one. Nothing here knows JavaScript.

/// A value given for one option field, as the boundary holds it (a JavaScript value in the
/// package; a JSON value in the tests). Absent values (`undefined`, `null`) are never given.
pub trait Given: Sized {
    /// The value, when it is a number.
    fn number(&self) -> Option<f64>;
    /// The value, when it is a string.
    fn text(&self) -> Option<String>;
    /// The value, when it is a boolean.
    fn flag(&self) -> Option<bool>;
    /// An array's items.
    fn items(&self) -> Option<Vec<Self>>;
    /// An object's own `(key, value)` entries.
    fn entries(&self) -> Option<Vec<(String, Self)>>;
    /// What the value is, for a message: `the string "xml"`, `a value of type object`.
    fn described(&self) -> String;
}

/// What a field takes, in words (`1 or 2`): a converter's error when it was given something
/// else.
pub type Expected = &'static str;

/// A refused option: `` `{field}` must be {expected}, got {given, described} ``.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal<G> {
    /// The field.
    pub field: &'static str,
    /// What it takes: `1 or 2`.
    pub expected: Expected,
    /// What it was given.
    pub given: G,
}

impl<G: Given> std::fmt::Display for Refusal<G> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (field, expected) = (self.field, self.expected);
        write!(
            f,
            "`{field}` must be {expected}, got {}",
            self.given.described()
        )
    }
}

/// An options type whose fields are read by name ([`settable!`] writes it).
pub trait Settable: Default {
    /// The fields, by the names the package's declarations give them.
    const FIELDS: &'static [&'static str];
    /// Takes `given` as the field `FIELDS[index]`.
    ///
    /// # Errors
    /// When the value is not one the field takes.
    fn set<G: Given>(&mut self, index: usize, given: &G) -> Result<(), Expected>;
}

/// Reads an options type from a value's fields: `field(name)` is the value of one, `None`
/// when absent. The one loop every boundary reads options with.
///
/// # Errors
/// The first field refused, and why.
pub fn read<T: Settable, G: Given>(
    mut field: impl FnMut(&str) -> Option<G>,
) -> Result<T, Refusal<G>> {
    let mut out = T::default();
    // Kept a loop (not unrolled field by field): one body for every field is fewer bytes.
    for (index, &name) in std::hint::black_box(T::FIELDS).iter().enumerate() {
        let Some(given) = field(name) else { continue };
        if let Err(expected) = out.set(index, &given) {
            return Err(Refusal {
                field: name,
                expected,
                given,
            });
        }
    }
    Ok(out)
}

/// Implements [`Settable`] for an options type: each field (`name as "jsName"` where the
/// declaration renames it) with the function that takes its value, `fn(&G) -> Result<FieldType,
/// Expected>`; a `#[cfg(…)]` before a field reads it only in builds that use it.
macro_rules! settable {
    ($type:ty { $($(#[$cfg:meta])* $field:ident $(as $name:literal)? : $take:expr),* $(,)? }) => {
        impl $crate::options::Settable for $type {
            const FIELDS: &'static [&'static str] =
                &[$($(#[$cfg])* $crate::options::settable!(@name $field $($name)?)),*];

            fn set<G: $crate::options::Given>(
                &mut self,
                index: usize,
                given: &G,
            ) -> Result<(), $crate::options::Expected> {
                let mut at = 0;
                $(
                    $(#[$cfg])*
                    {
                        if index == at {
                            self.$field = ($take)(given)?;
                        }
                        at += 1;
                    }
                )*
                debug_assert!(index < at);
                Ok(())
            }
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $name:literal) => { $name };
}
pub(crate) use settable;

/// `true` or `false`.
///
/// # Errors
/// For anything else.
pub fn flag<G: Given>(given: &G) -> Result<Option<bool>, Expected> {
    given.flag().map(Some).ok_or("true or false")
}

/// The value, when it is a whole number from `min` to `max`.
#[must_use]
pub fn whole<G: Given>(given: &G, min: f64, max: f64) -> Option<f64> {
    given
        .number()
        .filter(|n| n.fract() == 0.0 && (min..=max).contains(n))
}

/// A size in bytes (a positive number); `None` for 0.
///
/// # Errors
/// For anything else.
pub fn size<G: Given>(given: &G) -> Result<Option<f64>, Expected> {
    let size = given
        .number()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .ok_or("a size in bytes")?;
    Ok((size > 0.0).then_some(size))
}

/// A year, as a calendar gives it.
///
/// # Errors
/// For anything else.
#[allow(clippy::cast_possible_truncation)] // checked: from 1 to 9999
pub fn year<G: Given>(given: &G) -> Result<Option<i32>, Expected> {
    whole(given, 1.0, 9999.0)
        .map(|y| Some(y as i32))
        .ok_or("a year (1 to 9999)")
}

/// A month, 1 to 12.
///
/// # Errors
/// For anything else.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked: 1 to 12
pub fn month<G: Given>(given: &G) -> Result<Option<u8>, Expected> {
    whole(given, 1.0, 12.0)
        .map(|m| Some(m as u8))
        .ok_or("a month (1 to 12)")
}

/// Milliseconds, 0 or more.
///
/// # Errors
/// For anything else.
pub fn millis<G: Given>(given: &G) -> Result<Option<f64>, Expected> {
    given
        .number()
        .filter(|n| *n >= 0.0)
        .map(Some)
        .ok_or("milliseconds (0 or more)")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::Given;

    /// JSON values as the tests give options.
    impl Given for serde_json::Value {
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn text(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }
        fn flag(&self) -> Option<bool> {
            self.as_bool()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }
        fn entries(&self) -> Option<Vec<(String, Self)>> {
            let object = self.as_object()?;
            Some(object.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        }
        fn described(&self) -> String {
            match self {
                serde_json::Value::String(s) => {
                    format!("the string {}", crate::diagnostic::quoted(s))
                }
                other => format!("{other}"),
            }
        }
    }

    /// Reads `T` from a JSON object's fields, or the refusal as the package words it.
    pub(crate) fn from_json<T: super::Settable>(json: &str) -> Result<T, String> {
        let value: serde_json::Value = serde_json::from_str(json).expect("test JSON");
        super::read(|name| value.get(name).filter(|v| !v.is_null()).cloned())
            .map_err(|refusal| refusal.to_string())
    }
}

#[cfg(test)]
mod reading {
    use super::tests::from_json;
    use super::Settable;
    use crate::binary::{Options as FrameOptions, Width};
    use crate::capture::CaptureOptions;
    use crate::log::LogOptions;
    use crate::records::{RecordOptions, Role};
    use crate::sniff::Format;
    use ts_rs::TS;

    /// Every field a declaration names is read under that name, and nothing else is read.
    fn same_names<T: Settable + TS>(flattened: &[&str]) {
        let declared = T::decl(&ts_rs::Config::default());
        // The declaration without its doc comments: `{ name?: type, … }`.
        let mut body = String::new();
        for (i, part) in declared.split("/**").enumerate() {
            body.push_str(if i == 0 {
                part
            } else {
                part.split_once("*/").map_or("", |p| p.1)
            });
        }
        let body = &body[body.find('{').expect("an object type")..];
        let mut names: Vec<&str> = body
            .split(['{', ';', ','])
            .filter_map(|part| {
                part.trim()
                    .split_once([':', '?'])
                    .map(|(name, _)| name.trim())
            })
            .filter(|name| !name.is_empty())
            .collect();
        names.sort_unstable();
        let mut read: Vec<&str> = T::FIELDS.iter().chain(flattened).copied().collect();
        read.sort_unstable();
        assert_eq!(names, read, "{declared}");
    }

    #[test]
    fn the_fields_read_are_the_fields_declared() {
        // A build without the trace decoders declares `year` and `month` but does not read them.
        let unread: &[&str] = if cfg!(feature = "traces") {
            &[]
        } else {
            &["month", "year"]
        };
        same_names::<LogOptions>(unread);
        same_names::<FrameOptions>(&[]);
        same_names::<RecordOptions>(&[]);
        same_names::<CaptureOptions>(FrameOptions::FIELDS);
        #[cfg(feature = "finesse")]
        same_names::<crate::live::LiveOptions>(&[]);
    }

    #[test]
    fn values_are_taken() {
        let log: LogOptions = from_json(
            r#"{"format": "trace", "width": 2, "version": 24, "calls": false, "size": 10,
                "year": 2026, "month": 3, "other": 1}"#,
        )
        .unwrap();
        assert_eq!(
            log,
            LogOptions {
                format: Some(Format::Trace),
                width: Some(Width::Two),
                version: Some(24),
                calls: Some(false),
                size: Some(10.0),
                year: cfg!(feature = "traces").then_some(2026),
                month: cfg!(feature = "traces").then_some(3),
            }
        );
        let auto: LogOptions = from_json(r#"{"format": "auto", "width": null}"#).unwrap();
        assert_eq!(auto, LogOptions::default());
        let records: RecordOptions =
            from_json(r#"{"columns": {"connres": "Result"}, "direction": "Outbound"}"#).unwrap();
        assert_eq!(
            records.columns,
            [(Role::parse("connres").unwrap(), "Result".into())]
        );
        assert_eq!(records.direction, Some(crate::Direction::Outbound));
        // The roles `columns`'s refusal names are roles.
        assert!(["connres", "direction", "cause"]
            .iter()
            .all(|r| Role::parse(r).is_some()));
        let capture: CaptureOptions = from_json(r#"{"ports": [42028, 0]}"#).unwrap();
        assert_eq!(capture.ports, [42028, 0]);
    }

    /// The refusal of `json` as `T`, as the package words it.
    fn refused<T: Settable>(json: &str) -> String {
        from_json::<T>(json).map(drop).expect_err(json)
    }

    #[test]
    fn refusals_name_the_field_and_what_it_takes() {
        let cases = [
            (
                refused::<FrameOptions>(r#"{"width": 3}"#),
                "`width` must be 1 or 2, got 3",
            ),
            (
                refused::<FrameOptions>(r#"{"version": 1.5}"#),
                "`version` must be a protocol version from 0 to 255, got 1.5",
            ),
            (
                refused::<LogOptions>(r#"{"format": "xml"}"#),
                r#"`format` must be "auto", "text", "binary", "hex" or "trace", got the string "xml""#,
            ),
            (
                refused::<LogOptions>(r#"{"calls": "no"}"#),
                r#"`calls` must be true or false, got the string "no""#,
            ),
            (
                refused::<LogOptions>(r#"{"size": -1}"#),
                "`size` must be a size in bytes, got -1",
            ),
            (
                refused::<CaptureOptions>(r#"{"ports": [1, 70000]}"#),
                "`ports` must be an array of TCP ports (0–65535), got [1,70000]",
            ),
            (
                refused::<RecordOptions>(r#"{"columns": {"connres": 5}}"#),
                r#"`columns` must be an object of column names by role (a RecordRole: connres, direction, cause, …), got {"connres":5}"#,
            ),
            (
                refused::<RecordOptions>(r#"{"columns": {"colour": "x"}}"#),
                r#"`columns` must be an object of column names by role (a RecordRole: connres, direction, cause, …), got {"colour":"x"}"#,
            ),
        ];
        for (refused, message) in cases {
            assert!(refused.starts_with(message), "{refused}");
        }
        if cfg!(feature = "traces") {
            let month = refused::<LogOptions>(r#"{"month": 13}"#);
            assert_eq!(month, "`month` must be a month (1 to 12), got 13");
        }
    }

    /// Any JSON value for any field of every options type: read, or refused naming a field the
    /// type lists with what it was given; never a panic. (proptest is not built for wasm32.)
    #[cfg(not(target_arch = "wasm32"))]
    fn any_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::{json, Value};
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            (0u32..70_000).prop_map(Value::from),
            "[a-zA-Z ]{0,8}".prop_map(Value::from),
            Just(json!("auto")),
            Just(json!("Outbound")),
            Just(json!("connres")),
        ];
        leaf.prop_recursive(2, 8, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                proptest::collection::btree_map("[a-z]{1,8}|connres|cause", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn reads_or_refuses<T: Settable>(object: &serde_json::Value) {
        let got = super::read::<T, serde_json::Value>(|name| {
            object.get(name).filter(|v| !v.is_null()).cloned()
        });
        if let Err(refusal) = got {
            assert!(T::FIELDS.contains(&refusal.field), "{refusal}");
            assert_eq!(Some(&refusal.given), object.get(refusal.field));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_options_are_read_or_refused_by_name(
            values in proptest::collection::vec(any_value(), 11),
        ) {
            let names = [
                "format", "width", "version", "calls", "size", "ports", "columns", "direction",
                "year", "month", "keepEndedMs",
            ];
            let object: serde_json::Map<_, _> =
                names.iter().map(|n| (*n).to_owned()).zip(values).collect();
            let object = serde_json::Value::from(object);
            reads_or_refuses::<LogOptions>(&object);
            reads_or_refuses::<FrameOptions>(&object);
            reads_or_refuses::<RecordOptions>(&object);
            reads_or_refuses::<CaptureOptions>(&object);
            #[cfg(feature = "finesse")]
            reads_or_refuses::<crate::live::LiveOptions>(&object);
        }
    }
}
