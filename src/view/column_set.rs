//! Column sets: the views that cross to JavaScript as typed arrays and one string table
//! ([`super::columns::EventColumns`], [`super::calls::CallColumns`],
//! [`super::agent_columns::AgentColumns`]). Each is declared once, with [`column_set!`], which
//! yields the struct, its TypeScript type (ts-rs: `Uint32Array`, `Float64Array`…, camelCase
//! keys) and [`ColumnSet::columns`], the one list of its columns that the wasm boundary turns
//! into a plain object of typed arrays.

/// One column, borrowed: what becomes one typed array (or, for `Text`, one string).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Column<'a> {
    /// A string (the string table, or a tag such as the batch's form).
    Text(&'a str),
    /// `Uint8Array`.
    U8(&'a [u8]),
    /// `Uint32Array`.
    U32(&'a [u32]),
    /// `Int32Array`.
    I32(&'a [i32]),
    /// `Float64Array`.
    F64(&'a [f64]),
}

impl Column<'_> {
    /// The TypeScript type the column is declared with.
    #[must_use]
    pub fn typescript(self) -> &'static str {
        match self {
            Column::Text(_) => "string",
            Column::U8(_) => "Uint8Array",
            Column::U32(_) => "Uint32Array",
            Column::I32(_) => "Int32Array",
            Column::F64(_) => "Float64Array",
        }
    }
}

/// A set of columns declared with [`column_set!`].
pub trait ColumnSet {
    /// Each column's JavaScript name (camelCase) and the column, in declaration order.
    fn columns(&self) -> Vec<(&'static str, Column<'_>)>;
}

/// Declares a column set: a struct whose fields are written `name: kind`, the kind one of
/// `text` (a `String`), `tag` (a `&'static str` with its TypeScript type after it:
/// `tag = "\"text\" | \"frames\""`), `u8s`, `u32s`, `i32s`, `f64s` (a `Vec` of that number),
/// each field with its doc comment and its JavaScript name, as in
/// `/// doc` `start_ms as "startMs": f64s,`.
macro_rules! column_set {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($body:tt)*
        }
    ) => {
        $crate::view::column_set::column_set!(@munch [$(#[$meta])*] $name [] [] $($body)*);
    };
    (@munch $meta:tt $name:ident [$($out:tt)*] [$($each:tt)*]
        $(#[doc = $doc:literal])* $field:ident as $js:literal: text, $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@munch $meta $name
            [$($out)* $(#[doc = $doc])* #[ts(rename = $js)] pub $field: String,]
            [$($each)* ($js, Text, $field)] $($rest)*);
    };
    (@munch $meta:tt $name:ident [$($out:tt)*] [$($each:tt)*]
        $(#[doc = $doc:literal])* $field:ident as $js:literal: tag = $ts:literal, $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@munch $meta $name
            [$($out)* $(#[doc = $doc])* #[ts(rename = $js, type = $ts)] pub $field: &'static str,]
            [$($each)* ($js, Text, $field)] $($rest)*);
    };
    // Numbers: each kind is its element type, its typed array and its `Column` variant.
    (@munch $meta:tt $name:ident $out:tt $each:tt $(#[doc = $d:literal])* $f:ident as $js:literal: u8s, $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@numbers $meta $name $out $each [$(#[doc = $d])*] $f $js u8 "Uint8Array" U8 $($rest)*);
    };
    (@munch $meta:tt $name:ident $out:tt $each:tt $(#[doc = $d:literal])* $f:ident as $js:literal: u32s, $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@numbers $meta $name $out $each [$(#[doc = $d])*] $f $js u32 "Uint32Array" U32 $($rest)*);
    };
    (@munch $meta:tt $name:ident $out:tt $each:tt $(#[doc = $d:literal])* $f:ident as $js:literal: i32s, $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@numbers $meta $name $out $each [$(#[doc = $d])*] $f $js i32 "Int32Array" I32 $($rest)*);
    };
    (@munch $meta:tt $name:ident $out:tt $each:tt $(#[doc = $d:literal])* $f:ident as $js:literal: f64s, $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@numbers $meta $name $out $each [$(#[doc = $d])*] $f $js f64 "Float64Array" F64 $($rest)*);
    };
    (@numbers $meta:tt $name:ident [$($out:tt)*] [$($each:tt)*] [$($doc:tt)*]
        $field:ident $js:literal $number:ident $ts:literal $kind:ident $($rest:tt)*) => {
        $crate::view::column_set::column_set!(@munch $meta $name
            [$($out)* $($doc)* #[ts(rename = $js, type = $ts)] pub $field: Vec<$number>,]
            [$($each)* ($js, $kind, $field)] $($rest)*);
    };
    (@munch [$(#[$meta:meta])*] $name:ident [$($out:tt)*] [$(($js:literal, $kind:ident, $field:ident))*]) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, ts_rs::TS)]
        pub struct $name {
            $($out)*
        }

        impl $crate::view::column_set::ColumnSet for $name {
            fn columns(&self) -> Vec<(&'static str, $crate::view::column_set::Column<'_>)> {
                vec![$(($js, $crate::view::column_set::Column::$kind(&self.$field)),)*]
            }
        }
    };
}

pub(crate) use column_set;

#[cfg(test)]
mod tests {
    use super::{Column, ColumnSet};
    use ts_rs::TS;

    /// The declared TypeScript of a set lists exactly the columns `each` walks, with their types.
    fn agrees<T: ColumnSet + TS + Default>() {
        let decl = T::decl(&ts_rs::Config::default());
        let set = T::default();
        let walked = set.columns();
        assert!(!walked.is_empty());
        for (name, column) in walked {
            let declared = format!("{name}: {}", column.typescript());
            let narrowed =
                matches!(column, Column::Text(_)) && decl.contains(&format!("{name}: \""));
            assert!(
                decl.contains(&declared) || narrowed,
                "{name} is not declared as {declared}: {decl}"
            );
        }
    }

    #[test]
    fn each_set_walks_what_it_declares() {
        agrees::<crate::view::columns::EventColumns>();
        agrees::<crate::view::calls::CallColumns>();
        agrees::<crate::view::agent_columns::AgentColumns>();
    }
}
