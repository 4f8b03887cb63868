//! CRM-5/USR-1: the rules of a follow-up or to-do (a title, a due time, a reminder that
//! defaults to the due time) and of the calendar's window (at most 62 days).

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{activity::Link, fields::bounded, TaskStatus};
use crate::{FieldErrors, Role};

/// Who writes tasks: every signed-in user keeps their own (managers their team's); the
/// director reads all and writes none.
pub fn writes_tasks(role: Role) -> bool {
    role != Role::Director
}

/// The longest window the calendar shows at once.
pub const CALENDAR_MAX_DAYS: i64 = 62;

/// A task as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct TaskInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub remind_at: Option<DateTime<Utc>>,
    pub owner_user_id: Option<Uuid>,
    pub link: Link,
}

/// A task that keeps the rules, ready to be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateTask {
    pub title: String,
    pub description: String,
    pub due_at: DateTime<Utc>,
    /// The reminder; the due time unless another was given.
    pub remind_at: DateTime<Utc>,
    /// Whose task; `None`: the caller.
    pub owner_user_id: Option<Uuid>,
    /// May be empty (a personal to-do).
    pub link: Link,
}

impl CreateTask {
    /// Checks `input`; every broken rule is reported at once.
    pub fn parse(input: TaskInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = bounded(&mut errors, "title", input.title, 300, true);
        let description = bounded(&mut errors, "description", input.description, 4000, false);
        if input.due_at.is_none() {
            errors.add("due_at", "is required");
        }
        errors.into_result()?;
        let (Some(title), Some(due_at)) = (title, input.due_at) else {
            return Err(FieldErrors::single("title", "is required"));
        };
        Ok(Self {
            title,
            description: description.unwrap_or_default(),
            due_at,
            remind_at: input.remind_at.unwrap_or(due_at),
            owner_user_id: input.owner_user_id,
            link: input.link,
        })
    }
}

/// Changes to a task as sent: `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct TaskEditInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
}

/// Changes that keep the rules: a given title is not blank, a blank description clears
/// it, a status is one of [`TaskStatus`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskEdit {
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<TaskStatus>,
}

impl TaskEdit {
    pub fn parse(input: TaskEditInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = input
            .title
            .and_then(|v| bounded(&mut errors, "title", Some(v), 300, true));
        let description = input
            .description
            .map(|v| bounded(&mut errors, "description", Some(v), 4000, false).unwrap_or_default());
        let status = input
            .status
            .and_then(|raw| errors.take("status", raw.parse::<TaskStatus>()));
        errors.into_result()?;
        Ok(Self {
            title,
            description,
            status,
        })
    }
}

/// The calendar's window: both ends required, `to` after `from`, at most
/// [`CALENDAR_MAX_DAYS`] apart.
pub fn calendar_window(
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Result<(DateTime<Utc>, DateTime<Utc>), FieldErrors> {
    let mut errors = FieldErrors::new();
    if from.is_none() {
        errors.add("from", "is required");
    }
    if to.is_none() {
        errors.add("to", "is required");
    }
    errors.into_result()?;
    let (Some(from), Some(to)) = (from, to) else {
        return Err(FieldErrors::single("from", "is required"));
    };
    if to <= from {
        return Err(FieldErrors::single("to", "must be after from"));
    }
    if to - from > Duration::days(CALENDAR_MAX_DAYS) {
        return Err(FieldErrors::single("to", "the range is at most 62 days"));
    }
    Ok((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    fn day(n: i64) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(1_893_456_000 + n * 86_400, 0)
    }

    #[test]
    fn everybody_but_the_director_writes_tasks() {
        for (role, writes) in [
            (Role::Director, false),
            (Role::Salesperson, true),
            (Role::CsAgent, true),
            (Role::SuperAdmin, true),
        ] {
            assert_eq!(writes_tasks(role), writes, "{role:?}");
        }
    }

    #[test]
    fn a_new_task_reports_every_broken_rule() {
        let ok = TaskInput {
            title: s("Send proposal"),
            due_at: day(1),
            ..Default::default()
        };
        let cases: Vec<(&str, TaskInput, FieldErrors)> = vec![
            ("valid", ok.clone(), FieldErrors::new()),
            (
                "nothing",
                TaskInput::default(),
                [("due_at", "is required"), ("title", "is required")]
                    .into_iter()
                    .fold(FieldErrors::new(), |mut e, (f, m)| {
                        e.add(f, m);
                        e
                    }),
            ),
            (
                "a long description",
                TaskInput {
                    description: Some("d".repeat(4_001)),
                    ..ok.clone()
                },
                FieldErrors::single("description", "must be at most 4000 characters"),
            ),
            (
                "a blank title",
                TaskInput {
                    title: s("   "),
                    ..ok
                },
                FieldErrors::single("title", "is required"),
            ),
        ];
        for (name, input, expected) in cases {
            let got = CreateTask::parse(input).err().unwrap_or_default();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn the_reminder_defaults_to_the_due_time() {
        let task = CreateTask::parse(TaskInput {
            title: s(" Call "),
            due_at: day(3),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            (task.title.as_str(), task.remind_at),
            ("Call", day(3).unwrap())
        );
        assert_eq!(task.description, "");
        let early = CreateTask::parse(TaskInput {
            title: s("Call"),
            due_at: day(3),
            remind_at: day(2),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(early.remind_at, day(2).unwrap());
    }

    #[test]
    fn an_edit_checks_what_it_changes() {
        let cases: Vec<(TaskEditInput, Result<TaskEdit, FieldErrors>)> = vec![
            (TaskEditInput::default(), Ok(TaskEdit::default())),
            (
                TaskEditInput {
                    title: s(" New "),
                    description: s(" "),
                    status: s(" done "),
                },
                Ok(TaskEdit {
                    title: s("New"),
                    description: s(""),
                    status: Some(TaskStatus::Done),
                }),
            ),
            (
                TaskEditInput {
                    title: s(""),
                    ..Default::default()
                },
                Err(FieldErrors::single("title", "is required")),
            ),
            (
                TaskEditInput {
                    status: s("closed"),
                    ..Default::default()
                },
                Err(FieldErrors::single(
                    "status",
                    "must be one of: open, done, cancelled",
                )),
            ),
        ];
        for (input, expected) in cases {
            let name = format!("{input:?}");
            assert_eq!(TaskEdit::parse(input), expected, "{name}");
        }
    }

    #[test]
    fn the_calendar_window_is_bounded() {
        /// (from day, to day, outcome)
        type Case = (Option<i64>, Option<i64>, Result<(), FieldErrors>);
        let cases: Vec<Case> = vec![
            (Some(0), Some(62), Ok(())),
            (
                None,
                None,
                Err([("from", "is required"), ("to", "is required")]
                    .into_iter()
                    .fold(FieldErrors::new(), |mut e, (f, m)| {
                        e.add(f, m);
                        e
                    })),
            ),
            (Some(0), None, Err(FieldErrors::single("to", "is required"))),
            (
                Some(5),
                Some(5),
                Err(FieldErrors::single("to", "must be after from")),
            ),
            (
                Some(0),
                Some(63),
                Err(FieldErrors::single("to", "the range is at most 62 days")),
            ),
        ];
        for (from, to, expected) in cases {
            let got = calendar_window(from.and_then(day), to.and_then(day)).map(|_| ());
            assert_eq!(got, expected, "{from:?}..{to:?}");
        }
    }
}
