//! Where each file under `records/` belongs (records.md, "Layout"): every path is either a
//! known record, ignored (`README.md`, dot-files), or a `layout` error that names the
//! expected place.

mod guess;

use super::fields::parse_date;
pub use crate::place::Place;
use crate::suggest::did_you_mean;

/// A path that is not where the layout allows: the message names the expected place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misplaced(pub String);

/// `README.md` files and dot-files (and dot-folders) are not records.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name == "README.md"
}

pub use crate::place::is_valid_id;

/// The id a user probably meant: `Dana Whitfield` → `dana-whitfield`.
fn fixed_id(name: &str) -> Option<String> {
    let id: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
        .collect();
    is_valid_id(&id).then_some(id)
}

fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i + 1..]),
        _ => (name, ""),
    }
}

fn rename(path: &str, to: &str) -> Misplaced {
    Misplaced(format!("misnamed: rename to {path}{to}"))
}

/// Checks a folder, given its path inside records/ as components. `Ok` means read inside it.
pub fn folder(parts: &[&str]) -> Result<(), Misplaced> {
    match parts {
        ["people"] | ["relationships"] => Ok(()),
        [top] => Err(match did_you_mean(top, ["people", "relationships"]) {
            Some(known) => rename("", &format!("{known}/")),
            None => Misplaced(format!(
                "unexpected folder `{top}/`: records/ holds program.toml, guidelines.md, people/ and relationships/"
            )),
        }),
        ["people", _] => Err(Misplaced(
            "people/ holds one <id>.yaml file a person, not folders".into(),
        )),
        ["relationships", id] if is_valid_id(id) => Ok(()),
        ["relationships", id] => Err(match fixed_id(id) {
            Some(fixed) => rename("relationships/", &format!("{fixed}/")),
            None => Misplaced(format!(
                "`{id}` is not a valid relationship id: use lowercase letters, digits and `-`, like r-2026-014"
            )),
        }),
        ["relationships", _, "meetings" | "evaluations"] => Ok(()),
        ["relationships", id, other] => {
            Err(match did_you_mean(other, ["meetings", "evaluations"]) {
                Some(known) => rename(&format!("relationships/{id}/"), &format!("{known}/")),
                None => Misplaced(format!(
                    "unexpected folder `{other}/`: a relationship folder holds relationship.yaml, agreement.md, meetings/ and evaluations/"
                )),
            })
        }
        ["relationships", _, kind, ..] => {
            Err(Misplaced(format!("{kind}/ holds only files, not folders")))
        }
        _ => Err(Misplaced("unexpected folder".into())),
    }
}

/// Classifies a file, given its path inside records/ as components.
pub fn file(parts: &[&str]) -> Result<Place, Misplaced> {
    match parts {
        ["program.toml"] => Ok(Place::Program),
        ["guidelines.md"] => Ok(Place::Guidelines),
        [name] => Err(top_level(name)),
        ["people", name] => person(name),
        ["relationships", name] => Err(Misplaced(format!(
            "a relationship lives in its own folder: move `{name}` to relationships/<id>/relationship.yaml"
        ))),
        ["relationships", id, name] => relationship_file(id, name),
        ["relationships", id, "meetings", name] => meeting(id, name),
        ["relationships", id, "evaluations", name] => evaluation(id, name),
        _ => Err(Misplaced("unexpected file".into())),
    }
}

fn top_level(name: &str) -> Misplaced {
    if let Some(known) = did_you_mean(name, ["program.toml", "guidelines.md"]) {
        return rename("", known);
    }
    let (stem, ext) = split_ext(name);
    if matches!(ext, "yaml" | "yml")
        && let Some(id) = fixed_id(stem)
    {
        return Misplaced(format!(
            "a person's record belongs in people/: move it to people/{id}.yaml"
        ));
    }
    Misplaced(format!(
        "unexpected file `{name}`: records/ holds program.toml, guidelines.md, people/ and relationships/"
    ))
}

fn person(name: &str) -> Result<Place, Misplaced> {
    let (stem, ext) = split_ext(name);
    if ext == "yaml" && is_valid_id(stem) {
        return Ok(Place::Person { id: stem.into() });
    }
    match fixed_id(stem) {
        Some(id) => Err(rename("people/", &format!("{id}.yaml"))),
        None => Err(Misplaced(format!(
            "`{name}` is not a valid person file name: use <id>.yaml with lowercase letters, digits and `-`, like dana-whitfield.yaml"
        ))),
    }
}

fn relationship_file(id: &str, name: &str) -> Result<Place, Misplaced> {
    let id_owned = || id.to_owned();
    match name {
        "relationship.yaml" => return Ok(Place::Relationship { id: id_owned() }),
        "agreement.md" => return Ok(Place::Agreement { id: id_owned() }),
        _ => {}
    }
    let (stem, _) = split_ext(name);
    let here = format!("relationships/{id}/");
    match did_you_mean(stem, ["relationship", "agreement"]) {
        Some("relationship") => Err(rename(&here, "relationship.yaml")),
        Some(_) => Err(rename(&here, "agreement.md")),
        None => Err(Misplaced(format!(
            "unexpected file `{name}`: a relationship folder holds relationship.yaml, agreement.md, meetings/ and evaluations/"
        ))),
    }
}

fn meeting(id: &str, name: &str) -> Result<Place, Misplaced> {
    let here = format!("relationships/{id}/meetings/");
    let (stem, ext) = split_ext(name);
    // Ten bytes, or the whole stem when it is shorter or the tenth byte splits a character.
    let cut = if stem.is_char_boundary(10) {
        10
    } else {
        stem.len()
    };
    let (date_part, rest) = stem.split_at(cut.min(stem.len()));
    let date = match parse_date(date_part) {
        Ok(date) => date,
        Err(why) if why.starts_with("is not a real date") => {
            return Err(Misplaced(format!(
                "`{date_part}` is not a real date: a meeting file is named by its date, YYYY-MM-DD.md"
            )));
        }
        Err(_) => {
            return Err(match guess::meeting(stem) {
                Some((date, 1)) => rename(&here, &format!("{}.md", date.format("%Y-%m-%d"))),
                Some((date, n)) => rename(&here, &format!("{}-{n}.md", date.format("%Y-%m-%d"))),
                None => Misplaced(format!(
                    "`{name}` is not a meeting file name: name it by the meeting's date, YYYY-MM-DD.md"
                )),
            });
        }
    };
    let day = date.format("%Y-%m-%d");
    let sequence = match rest {
        "" => 1,
        _ => match rest.strip_prefix('-').and_then(|n| n.parse::<u32>().ok()) {
            Some(n) if n >= 2 && !rest[1..].starts_with('0') => n,
            Some(n) if n >= 2 => return Err(rename(&here, &format!("{day}-{n}.md"))),
            _ => {
                return Err(Misplaced(format!(
                    "`{name}` is not a meeting file name: the first meeting of a day is {day}.md, a second {day}-2.md"
                )));
            }
        },
    };
    if ext != "md" {
        return Err(rename(&here, &format!("{stem}.md")));
    }
    Ok(Place::Meeting {
        id: id.into(),
        date,
        sequence,
    })
}

fn evaluation(id: &str, name: &str) -> Result<Place, Misplaced> {
    let here = format!("relationships/{id}/evaluations/");
    let (stem, ext) = split_ext(name);
    match guess::quarter(stem) {
        Some(q) if !(1..=4).contains(&q.number) => Err(Misplaced(format!(
            "`{name}`: there is no quarter Q{} (a year has Q1 to Q4), so name it YYYY-Q1.yaml to YYYY-Q4.yaml",
            q.number
        ))),
        Some(q) if ext == "yaml" && stem == q.to_string() => Ok(Place::Evaluation {
            id: id.into(),
            quarter: q,
        }),
        Some(q) => Err(rename(&here, &format!("{q}.yaml"))),
        None => Err(Misplaced(format!(
            "`{name}` is not an evaluation file name: name it by the quarter, YYYY-Q1.yaml to YYYY-Q4.yaml"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn misplaced(parts: &[&str]) -> String {
        file(parts).unwrap_err().0
    }

    #[test]
    fn names_the_expected_place() {
        assert_eq!(
            misplaced(&["people", "dana.yml"]),
            "misnamed: rename to people/dana.yaml"
        );
        assert_eq!(
            misplaced(&["people", "Dana.yaml"]),
            "misnamed: rename to people/dana.yaml"
        );
        assert_eq!(
            misplaced(&["relationships", "r-1", "meetings", "2026-3-5.md"]),
            "misnamed: rename to relationships/r-1/meetings/2026-03-05.md"
        );
        assert_eq!(
            misplaced(&["relationships", "r-1", "meetings", "2026-03-05-02.md"]),
            "misnamed: rename to relationships/r-1/meetings/2026-03-05-2.md"
        );
        assert_eq!(
            misplaced(&["relationships", "r-1", "evaluations", "2026-q1.yaml"]),
            "misnamed: rename to relationships/r-1/evaluations/2026-Q1.yaml"
        );
        assert!(
            misplaced(&["relationships", "r-1", "meetings", "2026-13-01.md"])
                .contains("not a real date")
        );
        assert!(
            misplaced(&["relationships", "r-1", "evaluations", "2026-Q5.yaml"])
                .contains("no quarter Q5")
        );
        assert_eq!(
            folder(&["relationships", "r-1", "Meetings"]).unwrap_err().0,
            "misnamed: rename to relationships/r-1/meetings/"
        );
    }

    #[test]
    fn accepts_the_layout() {
        assert_eq!(
            file(&["relationships", "r-1", "meetings", "2026-03-05-2.md"]),
            Ok(Place::Meeting {
                id: "r-1".into(),
                date: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
                sequence: 2
            })
        );
        assert!(file(&["relationships", "r-1", "meetings", "2026-03-05-1.md"]).is_err());
        assert!(file(&["relationships", "r-1", "meetings", "Treffen März.md"]).is_err());
        assert!(file(&["relationships", "r-1", "evaluations", "+202-Q1.yaml"]).is_err());
        assert!(is_valid_id("r-2026-014") && !is_valid_id("-x") && !is_valid_id("Dana"));
    }
}
