//! The best assignment: Kuhn–Munkres (the `pathfinding` crate) over mentees × mentors' places,
//! each mentor expanded into as many places as they have room for (never more than the
//! mentees eligible with them), plus one "no mentor" place per mentee. A place's weight puts
//! three goals in strict order: as many mentees matched as possible, then the best total
//! score, then — between equally good assignments — mentees and mentors earlier in id order,
//! so the same records always give the same proposal.

use pathfinding::kuhn_munkres::{Weights, kuhn_munkres};

/// One of a mentor's places: the `k`-th new mentee they would take, and its load points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub mentor: usize,
    pub load: i64,
}

/// The weights of mentee × place; a mentee's "no mentor" places come after the real ones.
struct Matrix<'a> {
    /// `[mentee][mentor]`: the pair's points when eligible.
    scores: &'a [Vec<Option<i64>>],
    places: &'a [Place],
    /// Outweighs any difference in total score, so one more mentee matched always wins.
    matched: i128,
    /// Outweighs any sum of tie-breaks, so a better score always wins.
    scale: i128,
    sign: i128,
}

impl Weights<i128> for Matrix<'_> {
    fn rows(&self) -> usize {
        self.scores.len()
    }

    fn columns(&self) -> usize {
        self.places.len() + self.scores.len()
    }

    fn at(&self, row: usize, col: usize) -> i128 {
        let Some(place) = self.places.get(col) else {
            return 0;
        };
        let Some(points) = self.scores[row][place.mentor] else {
            return 0;
        };
        let (m, n) = (self.scores.len(), self.scores[row].len());
        let tie = ((m - 1 - row) * n + (n - 1 - place.mentor)) as i128;
        self.sign * ((self.matched + i128::from(points + place.load)) * self.scale + tie)
    }

    fn neg(&self) -> Self {
        Matrix {
            sign: -self.sign,
            ..*self
        }
    }
}

/// For each mentee, the mentor they get, or `None`. `most[j]` is the most mentees mentor `j`
/// can take; `load(j, k)` the points of their `k`-th new mentee, never rising with `k`.
///
/// Kuhn–Munkres costs grow with the number of places, and a mentor who may take everyone
/// would have a place per mentee. So each mentor starts with two places, and a mentor whose
/// places all fill gets twice as many, until no mentor's are all taken. That is the optimum
/// of the whole problem: an unused place of a mentor outweighs their later places for every
/// mentee (same pair, no more load), so with it unused, no later place could improve the
/// assignment (its weight is at most the unused place's, whose dual price is zero).
pub fn assign(
    scores: &[Vec<Option<i64>>],
    most: &[usize],
    load: impl Fn(usize, usize) -> i64,
) -> Vec<Option<usize>> {
    let m = scores.len();
    let Some(weights) = Scale::of(scores, most, &load) else {
        return vec![None; m];
    };
    let mut caps: Vec<usize> = most.iter().map(|&most| most.min(2)).collect();
    loop {
        let places: Vec<Place> = caps
            .iter()
            .enumerate()
            .flat_map(|(j, &cap)| (0..cap).map(move |k| (j, k)))
            .map(|(j, k)| Place {
                mentor: j,
                load: load(j, k),
            })
            .collect();
        let chosen = solve(scores, &places, &weights);
        let mut used = vec![0usize; caps.len()];
        for mentor in chosen.iter().flatten() {
            used[*mentor] += 1;
        }
        let mut grown = false;
        for (j, cap) in caps.iter_mut().enumerate() {
            if used[j] == *cap && *cap < most[j] {
                *cap = most[j].min(*cap * 2);
                grown = true;
            }
        }
        if !grown {
            return chosen;
        }
    }
}

/// The two constants that order the goals, from every place the problem could have.
#[derive(Clone, Copy)]
struct Scale {
    matched: i128,
    scale: i128,
}

impl Scale {
    fn of(
        scores: &[Vec<Option<i64>>],
        most: &[usize],
        load: &impl Fn(usize, usize) -> i64,
    ) -> Option<Scale> {
        let (mut low, mut high) = (i64::MAX, i64::MIN);
        for row in scores {
            for (j, points) in row.iter().enumerate() {
                if let (Some(points), true) = (points, most[j] > 0) {
                    low = low.min(points + load(j, most[j] - 1));
                    high = high.max(points + load(j, 0));
                }
            }
        }
        if low > high {
            return None;
        }
        let m = scores.len() as i128;
        let n = most.len() as i128;
        Some(Scale {
            matched: m * (i128::from(high) - i128::from(low)) + i128::from(low).abs() + 1,
            scale: m * m * n + m * n + 1,
        })
    }
}

fn solve(scores: &[Vec<Option<i64>>], places: &[Place], scale: &Scale) -> Vec<Option<usize>> {
    let matrix = Matrix {
        scores,
        places,
        matched: scale.matched,
        scale: scale.scale,
        sign: 1,
    };
    let (_, columns) = kuhn_munkres(&matrix);
    columns
        .into_iter()
        .enumerate()
        .map(|(row, col)| {
            let place = places.get(col)?;
            scores[row][place.mentor].map(|_| place.mentor)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_mentees_beat_the_best_single_pair() {
        // Mentee 0 likes mentor 0 best, but only mentor 0 will take mentee 1.
        let scores = vec![vec![Some(5), Some(0)], vec![Some(0), None]];
        assert_eq!(assign(&scores, &[1, 1], |_, _| 0), [Some(1), Some(0)]);
    }

    #[test]
    fn ties_go_to_earlier_ids() {
        let scores = vec![vec![Some(1), Some(1)]];
        assert_eq!(assign(&scores, &[1, 1], |_, _| 0), [Some(0)]);
        let scores = vec![vec![Some(1)], vec![Some(1)]];
        assert_eq!(assign(&scores, &[1], |_, _| 0), [Some(0), None]);
    }

    #[test]
    fn a_mentor_who_alone_can_take_everyone_gets_everyone() {
        let scores = vec![vec![Some(0)]; 9];
        let got = assign(&scores, &[9], |_, k| -(k as i64));
        assert!(got.iter().all(|m| *m == Some(0)), "{got:?}");
    }

    #[test]
    fn places_are_spread_when_the_load_says_so() {
        let scores = vec![vec![Some(0), Some(0)]; 4];
        let got = assign(&scores, &[4, 4], |_, k| -(k as i64));
        let first = got.iter().filter(|m| **m == Some(0)).count();
        assert_eq!(first, 2, "{got:?}");
    }
}
