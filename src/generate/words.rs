//! The plain text a generated program is made of: names, libraries, topics, notes. Every
//! name word has three or more letters, so that no relationship id (`r-2026-0001`) could
//! ever contain one and fire `private-id`.

pub const FIRST_NAMES: &[&str] = &[
    "Dana", "Sam", "Alex", "Jordan", "Morgan", "Riley", "Casey", "Jamie", "Taylor", "Avery",
    "Quinn", "Rowan", "Harper", "Emery", "Finley", "Hayden", "Kendall", "Logan", "Parker", "Reese",
    "Marisol", "Tobias", "Ingrid", "Kwame", "Priya", "Mateo", "Leilani", "Oksana",
];

pub const LAST_NAMES: &[&str] = &[
    "Whitfield",
    "Ortiz",
    "Nguyen",
    "Okafor",
    "Larsen",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Haddad",
    "Brennan",
    "Delgado",
    "Fischer",
    "Ibarra",
    "Jensen",
    "Kaur",
    "Lindqvist",
    "Mbeki",
    "Novak",
    "Castillo",
    "Pruitt",
    "Rahman",
    "Sorensen",
    "Thibodeaux",
    "Vance",
];

pub const LIBRARIES: &[&str] = &[
    "Springfield-Greene County Library District",
    "St. Louis County Library",
    "Kansas City Public Library",
    "Daniel Boone Regional Library",
    "Mid-Continent Public Library",
    "Scenic Regional Library",
    "Joplin Public Library",
    "Cape Girardeau Public Library",
    "Little Dixie Regional Libraries",
    "Poplar Bluff Municipal Library",
];

pub const POSITIONS: &[&str] = &[
    "Branch Manager",
    "Youth Services Librarian",
    "Reference Librarian",
    "Library Associate",
    "Outreach Coordinator",
    "Technical Services Supervisor",
    "Circulation Supervisor",
    "Cataloging Assistant",
    "Library Director",
];

pub const FIELDS: &[&str] = &[
    "Youth services",
    "Reference",
    "Technical services",
    "Outreach",
    "Administration",
    "Adult programming",
    "Digital services",
];

pub const MANAGERS: &[&str] = &[
    "Jordan Lee",
    "Pat Alvarez",
    "Chris Holloway",
    "Robin Achebe",
    "Terry Lindgren",
];

pub const GOALS: &[&str] = &[
    "Prepare for a branch manager role",
    "Build a teen programming series",
    "Start an MLIS program",
    "Learn to present a budget to the board",
    "Move from circulation into reference work",
    "Lead a community outreach partnership",
];

pub const TOPICS: &[&str] = &[
    "Presenting a budget to the board",
    "Handling a difficult patron",
    "Scheduling desk shifts fairly",
    "Writing a grant application",
    "Choosing an integrated library system",
    "Weeding the collection",
    "Planning a summer reading program",
    "Supervising volunteers",
    "Negotiating with a vendor",
    "Preparing for an interview",
];

pub const NOTES: &[&str] = &[
    "We talked through the questions prepared in advance.",
    "Agreed on next steps before the next meeting.",
    "Reviewed progress against the goals in the agreement.",
    "Shared examples from a similar situation at another branch.",
    "Role-played the conversation ahead of time.",
];

pub const EXPENSES: &[&str] = &[
    "Coffee",
    "Parking",
    "Train ticket",
    "Lunch",
    "Printed handouts",
];

pub const REASONS: &[&str] = &[
    "Moved to another library",
    "Changed roles and no longer has the time",
    "Family commitments",
    "Both agreed the goals had been met early",
];

pub const COMMENTS: &[&str] = &[
    "Meeting regularly and making progress.",
    "Goals revised this quarter.",
    "Good rapport; the mentee sets the agenda.",
    "Fewer meetings than planned over the holidays.",
];

pub const TERMS: &[&str] = &[
    "We meet once a month and keep our conversations confidential.",
    "The mentee prepares the questions; the mentor brings examples.",
    "Either of us may end the relationship after talking to the committee.",
];
