//! xAPI-shaped statements the embedded lab posts to its host course (the `host` URL
//! parameter): the lab opened (attempted), a cell ran (progressed, then completed once every
//! cell that runs by default has run), the practice answered. No actor: the course knows its
//! learner and adds one before it forwards a statement to its learning record store.
//!
//! The page posts each statement as `{"type":"gd-lab:xapi","statement":…}`
//! ([`envelope_json`]). The JSON is written by hand (no JSON crate in the wasm).

use super::cell::Cell;
use super::export::text::json_string;
use crate::model::number;

/// The lab's name in its statements, as the page's title begins.
pub const LAB_TITLE: &str = "Gradient descent lab";
/// The cmi5 extension that carries progress, an integer from 0 to 100.
pub const PROGRESS_EXTENSION: &str = "https://w3id.org/xapi/cmi5/result/extensions/progress";
/// The envelope's `type`.
pub const ENVELOPE_TYPE: &str = "gd-lab:xapi";

/// The verbs the lab uses, from the ADL vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// The lab opened.
    Attempted,
    /// A cell ran.
    Progressed,
    /// The practice's learning rate was tried.
    Answered,
    /// Every cell that runs by default has run.
    Completed,
}

impl Verb {
    /// The verb's display name, `attempted`.
    pub const fn name(self) -> &'static str {
        match self {
            Verb::Attempted => "attempted",
            Verb::Progressed => "progressed",
            Verb::Answered => "answered",
            Verb::Completed => "completed",
        }
    }

    /// The verb's IRI, `http://adlnet.gov/expapi/verbs/attempted`.
    pub fn id(self) -> String {
        format!("http://adlnet.gov/expapi/verbs/{}", self.name())
    }
}

/// What kind of activity an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityType {
    /// The lab, and each of its cells.
    Lesson,
    /// The practice, which takes an answer.
    Interaction,
}

impl ActivityType {
    /// The type's IRI.
    pub const fn id(self) -> &'static str {
        match self {
            ActivityType::Lesson => "http://adlnet.gov/expapi/activities/lesson",
            ActivityType::Interaction => "http://adlnet.gov/expapi/activities/interaction",
        }
    }
}

/// A statement's object: the lab, or one of its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// `<activity base>` for the lab, `<activity base>#<cell name>` for a cell.
    pub id: String,
    /// The title shown for it (`en-US`).
    pub name: String,
    /// Its type.
    pub kind: ActivityType,
}

/// A statement's result; each part is written only when set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// Whether the answer did better than the lab's run.
    pub success: Option<bool>,
    /// Whether the lab was completed.
    pub completion: Option<bool>,
    /// The answer, as text.
    pub response: Option<String>,
    /// Progress from 0 to 100, as the cmi5 extension.
    pub progress: Option<u8>,
}

/// One statement, without an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// What happened.
    pub verb: Verb,
    /// To what.
    pub object: Activity,
    /// With what result, if any.
    pub result: Option<Outcome>,
}

impl Statement {
    /// `{"verb":{…},"object":{…},"result":{…}}`.
    pub fn to_json(&self) -> String {
        let verb = format!(
            "{{\"id\":{},\"display\":{{\"en-US\":{}}}}}",
            json_string(&self.verb.id()),
            json_string(self.verb.name())
        );
        let object = format!(
            "{{\"objectType\":\"Activity\",\"id\":{},\"definition\":{{\"name\":{{\"en-US\":{}}},\"type\":{}}}}}",
            json_string(&self.object.id),
            json_string(&self.object.name),
            json_string(self.object.kind.id())
        );
        let mut out = format!("{{\"verb\":{verb},\"object\":{object}");
        if let Some(result) = &self.result {
            out.push_str(",\"result\":");
            out.push_str(&result_json(result));
        }
        out.push('}');
        out
    }
}

fn result_json(result: &Outcome) -> String {
    let mut parts = Vec::new();
    if let Some(success) = result.success {
        parts.push(format!("\"success\":{success}"));
    }
    if let Some(completion) = result.completion {
        parts.push(format!("\"completion\":{completion}"));
    }
    if let Some(response) = &result.response {
        parts.push(format!("\"response\":{}", json_string(response)));
    }
    if let Some(progress) = result.progress {
        parts.push(format!(
            "\"extensions\":{{{}:{progress}}}",
            json_string(PROGRESS_EXTENSION)
        ));
    }
    format!("{{{}}}", parts.join(","))
}

/// What the page posts to the host: `{"type":"gd-lab:xapi","statement":…}`.
pub fn envelope_json(statement: &Statement) -> String {
    format!(
        "{{\"type\":{},\"statement\":{}}}",
        json_string(ENVELOPE_TYPE),
        statement.to_json()
    )
}

/// What the lab has told its host so far: which cells ran since it opened, and whether it
/// said completed. Pure: the page posts what each call returns.
#[derive(Debug, Clone)]
pub struct Tracker {
    base: String,
    defaults: Vec<Cell>,
    ran: Vec<Cell>,
    completed: bool,
}

impl Tracker {
    /// A tracker for the lab at `activity_base` (a fragment, if any, is dropped), with the
    /// cells that run by default (those without a Run button are left out): progress is the
    /// share of them that has run.
    pub fn new(activity_base: String, default_cells: Vec<Cell>) -> Self {
        let base = match activity_base.split_once('#') {
            Some((before, _)) => before.to_string(),
            None => activity_base,
        };
        let mut defaults: Vec<Cell> = Vec::new();
        for cell in default_cells.into_iter().filter(|c| c.runs()) {
            if !defaults.contains(&cell) {
                defaults.push(cell);
            }
        }
        Self {
            base,
            defaults,
            ran: Vec::new(),
            completed: false,
        }
    }

    /// The lab itself as an activity.
    pub fn lab(&self) -> Activity {
        Activity {
            id: self.base.clone(),
            name: LAB_TITLE.into(),
            kind: ActivityType::Lesson,
        }
    }

    /// A cell as an activity: the practice is an interaction, the others lessons.
    pub fn cell(&self, cell: Cell) -> Activity {
        Activity {
            id: format!("{}#{}", self.base, cell.name()),
            name: cell.title().into(),
            kind: if cell == Cell::Practice {
                ActivityType::Interaction
            } else {
                ActivityType::Lesson
            },
        }
    }

    /// The lab opened: attempted.
    pub fn opened(&self) -> Vec<Statement> {
        vec![Statement {
            verb: Verb::Attempted,
            object: self.lab(),
            result: None,
        }]
    }

    /// Progress now, from 0 to 100: the share of the default cells that has run (100 when
    /// there are none).
    pub fn progress(&self) -> u8 {
        let total = self.defaults.len();
        if total == 0 {
            return 100;
        }
        let done = self
            .defaults
            .iter()
            .filter(|c| self.ran.contains(c))
            .count();
        ((done * 100 + total / 2) / total).min(100) as u8
    }

    /// A cell ran. The first time each cell runs: progressed, with the progress now; then,
    /// once, completed when every default cell has run. A cell run again says nothing.
    pub fn ran(&mut self, cell: Cell) -> Vec<Statement> {
        if self.ran.contains(&cell) {
            return Vec::new();
        }
        self.ran.push(cell);
        let progress = self.progress();
        let mut out = vec![Statement {
            verb: Verb::Progressed,
            object: self.cell(cell),
            result: Some(Outcome {
                progress: Some(progress),
                ..Outcome::default()
            }),
        }];
        let all = self.defaults.iter().all(|c| self.ran.contains(c));
        if all && !self.completed {
            self.completed = true;
            out.push(Statement {
                verb: Verb::Completed,
                object: self.lab(),
                result: Some(Outcome {
                    completion: Some(true),
                    progress: Some(100),
                    ..Outcome::default()
                }),
            });
        }
        out
    }

    /// The practice tried a learning rate: answered, a success when its final cost is below
    /// the lab run's (`first_cost`); a cost that is not a number is no success.
    pub fn answered(&self, lr: f64, cost: f64, first_cost: f64) -> Statement {
        // As the URL writes a rate (`practiceLr=0.2`).
        let response = number::shortest(lr);
        Statement {
            verb: Verb::Answered,
            object: self.cell(Cell::Practice),
            result: Some(Outcome {
                success: Some(cost < first_cost),
                response: Some(response),
                ..Outcome::default()
            }),
        }
    }

    /// Whether completed has been said.
    pub fn is_completed(&self) -> bool {
        self.completed
    }
}
