//! The dates the view shows, read from the view itself: every value it serialises that is a
//! whole date (`2026-10-14`: a date string, or a `NaiveDate` written with `collect_str`). A watched
//! date — an unpublished person's `library_since`, `field_since` or membership `expires` —
//! that equals one of them is excused, since the page shows that day anyway (a relationship's
//! end, a meeting due); a date inside a sentence ("since 2014-03-01") is not collected, so a
//! diagnostic that quotes a private date is still a hit.
//!
//! A serde `Serializer` that keeps only such strings and writes nothing, so the walk costs a
//! fraction of writing `data.json`. It reads any view, typed or not, as long as it serialises.

use chrono::NaiveDate;
use serde::ser::{self, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Every whole date `view` serialises, and the day after each: the calendar ends an all-day
/// event on the next day (`DTEND`).
pub fn dates_shown(view: &impl Serialize) -> HashSet<NaiveDate> {
    let mut dates = Dates(HashSet::new());
    // The collector never fails, and a view that fails to serialise fails its render too.
    let _ = view.serialize(&mut dates);
    let next_days: Vec<NaiveDate> = dates.0.iter().filter_map(|d| d.succ_opt()).collect();
    dates.0.extend(next_days);
    dates.0
}

struct Dates(HashSet<NaiveDate>);

/// `text` as a date when it is one written `YYYY-MM-DD`, read digit by digit: the view holds
/// tens of thousands of strings, and a general date parser would be most of the walk.
fn whole_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let year = i32::try_from(number(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

#[derive(Debug)]
struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a view that cannot be serialised")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

/// Methods that see nothing to collect.
macro_rules! ignore {
    ($($method:ident($($ty:ty),*);)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<(), Never> {
            Ok(())
        }
    )*};
}

/// Methods that start a compound value: the collector walks its parts itself.
macro_rules! starts {
    ($($method:ident($($ty:ty),*);)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<Self, Never> {
            Ok(self)
        }
    )*};
}

impl ser::Serializer for &mut Dates {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    ignore! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_bytes(&[u8]); serialize_none(); serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_str(self, text: &str) -> Result<(), Never> {
        self.0.extend(whole_date(text));
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }

    starts! {
        serialize_seq(Option<usize>); serialize_tuple(usize);
        serialize_tuple_struct(&'static str, usize);
        serialize_tuple_variant(&'static str, u32, &'static str, usize);
        serialize_map(Option<usize>); serialize_struct(&'static str, usize);
        serialize_struct_variant(&'static str, u32, &'static str, usize);
    }
}

/// The compound values: each element, field or map value is walked; keys are names.
macro_rules! compound {
    ($($trait:ident :: $method:ident($($name:ty),*);)*) => {$(
        impl ser::$trait for &mut Dates {
            type Ok = ();
            type Error = Never;

            fn $method<T: Serialize + ?Sized>(&mut self, $(_: $name,)* value: &T) -> Result<(), Never> {
                value.serialize(&mut **self)
            }

            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}

compound! {
    SerializeSeq::serialize_element();
    SerializeTuple::serialize_element();
    SerializeTupleStruct::serialize_field();
    SerializeTupleVariant::serialize_field();
    SerializeStruct::serialize_field(&'static str);
    SerializeStructVariant::serialize_field(&'static str);
}

impl ser::SerializeMap for &mut Dates {
    type Ok = ();
    type Error = Never;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Never> {
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::dates_shown;
    use chrono::NaiveDate;
    use std::collections::BTreeMap;

    #[test]
    fn whole_dates_anywhere_in_the_view_and_nothing_else() {
        /// A typed date, written as its `Display` (as `due::Due` writes its dates).
        struct Day(NaiveDate);
        impl serde::Serialize for Day {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(&self.0)
            }
        }
        #[derive(serde::Serialize)]
        struct View {
            start: Day,
            due: Option<String>,
            message: String,
            short: &'static str,
            months: Vec<BTreeMap<&'static str, &'static str>>,
        }
        let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let view = View {
            start: Day(date("2026-01-15")),
            due: Some("2026-12-31".into()),
            message: "has worked in libraries since 2014-03-01".into(),
            short: "2026",
            months: vec![BTreeMap::from([("2026-13-01", "2026-10-14")])],
        };
        let mut shown: Vec<_> = dates_shown(&view).into_iter().collect();
        shown.sort();
        let expected = [
            "2026-01-15",
            "2026-01-16",
            "2026-10-14",
            "2026-10-15",
            "2026-12-31",
            "2027-01-01",
        ];
        assert_eq!(shown, expected.map(date));
    }
}
