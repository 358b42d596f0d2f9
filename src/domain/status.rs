//! The hazard's status machine and its gates.

use super::types::{Grade, Plan, Status, Verdict, VerifierRole};

/// Why a step is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateError {
    /// The step does not apply in this status.
    WrongStatus { from: Status, step: Step },
    /// A major hazard's plan misses these parts.
    PlanIncomplete(Vec<&'static str>),
    /// A reopen or an extension needs a reason.
    ReasonRequired,
    /// This party already signed a pass in the current round.
    AlreadyPassed(VerifierRole),
    /// A part of the plan of a hazard in rectification cannot be emptied.
    PlanPartCleared(&'static str),
}

/// The steps that move a hazard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    StartRectifying,
    Submit,
    Verify,
    Reopen,
    Change,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::StartRectifying => "start_rectifying",
            Step::Submit => "submit",
            Step::Verify => "verify",
            Step::Reopen => "reopen",
            Step::Change => "change",
        }
    }
}

/// Whether the plan lets the hazard start rectifying; `Ok(None)` keeps the status.
pub fn after_plan(status: Status, grade: Grade, plan: &Plan) -> Result<Option<Status>, GateError> {
    match status {
        Status::Registered => {
            let missing = plan.missing();
            if grade == Grade::Major && !missing.is_empty() { Ok(None) } else { Ok(Some(Status::Rectifying)) }
        }
        Status::Closed => Err(GateError::WrongStatus { from: status, step: Step::Change }),
        _ => Ok(None),
    }
}

/// The gate before `rectifying`, for an explicit start.
pub fn start_rectifying(status: Status, grade: Grade, plan: &Plan) -> Result<Status, GateError> {
    if status != Status::Registered {
        return Err(GateError::WrongStatus { from: status, step: Step::StartRectifying });
    }
    let missing = plan.missing();
    if grade == Grade::Major && !missing.is_empty() {
        return Err(GateError::PlanIncomplete(missing));
    }
    Ok(Status::Rectifying)
}

/// Rectification reported: `rectifying` → `verifying`.
pub fn submit(status: Status) -> Result<Status, GateError> {
    match status {
        Status::Rectifying => Ok(Status::Verifying),
        _ => Err(GateError::WrongStatus { from: status, step: Step::Submit }),
    }
}

/// Any change other than a status step (assign, note, escalate, extend) needs an open hazard.
pub fn require_open(status: Status) -> Result<(), GateError> {
    match status {
        Status::Closed => Err(GateError::WrongStatus { from: status, step: Step::Change }),
        _ => Ok(()),
    }
}

/// One sign-off of the current round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignOff {
    pub role: VerifierRole,
    pub verdict: Verdict,
}

/// What a new sign-off does to the hazard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyOutcome {
    /// Recorded; the round waits for the other roles.
    Pending,
    /// All three roles passed: the hazard is closed.
    Closed,
    /// A fail: back to rectifying, round raised.
    Failed,
}

/// The outcome of recording `new` in a round that already holds `earlier`.
pub fn verify(status: Status, earlier: &[SignOff], new: SignOff) -> Result<VerifyOutcome, GateError> {
    if status != Status::Verifying {
        return Err(GateError::WrongStatus { from: status, step: Step::Verify });
    }
    if new.verdict == Verdict::Pass && earlier.iter().any(|s| s.role == new.role && s.verdict == Verdict::Pass) {
        return Err(GateError::AlreadyPassed(new.role));
    }
    if new.verdict == Verdict::Fail {
        return Ok(VerifyOutcome::Failed);
    }
    let passed =
        |role: VerifierRole| new.role == role || earlier.iter().any(|s| s.role == role && s.verdict == Verdict::Pass);
    if VerifierRole::ALL.iter().all(|r| passed(*r)) { Ok(VerifyOutcome::Closed) } else { Ok(VerifyOutcome::Pending) }
}

/// The roles that still owe a pass in the current round.
pub fn roles_pending(signed: &[SignOff]) -> Vec<VerifierRole> {
    VerifierRole::ALL
        .iter()
        .copied()
        .filter(|r| !signed.iter().any(|s| s.role == *r && s.verdict == Verdict::Pass))
        .collect()
}

/// Reopen a closed hazard; the reason is required (the role is checked by permissions).
pub fn reopen(status: Status, reason: &str) -> Result<Status, GateError> {
    if status != Status::Closed {
        return Err(GateError::WrongStatus { from: status, step: Step::Reopen });
    }
    if reason.trim().is_empty() {
        return Err(GateError::ReasonRequired);
    }
    Ok(Status::Registered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;
    use VerifierRole::*;

    fn full_plan() -> Plan {
        Plan {
            responsible: "a".into(),
            measures: "b".into(),
            funds: "c".into(),
            deadline: "d".into(),
            contingency: "e".into(),
        }
    }

    fn pass(role: VerifierRole) -> SignOff {
        SignOff { role, verdict: Verdict::Pass }
    }

    #[test]
    fn major_needs_all_five_parts() {
        let half = Plan { responsible: "a".into(), ..Plan::default() };
        assert_eq!(
            start_rectifying(Registered, Grade::Major, &half),
            Err(GateError::PlanIncomplete(vec!["measures", "funds", "deadline", "contingency"]))
        );
        assert_eq!(start_rectifying(Registered, Grade::Major, &full_plan()), Ok(Rectifying));
        assert_eq!(start_rectifying(Registered, Grade::General, &half), Ok(Rectifying));
        assert_eq!(after_plan(Registered, Grade::Major, &half), Ok(None));
        assert_eq!(after_plan(Registered, Grade::Major, &full_plan()), Ok(Some(Rectifying)));
        assert_eq!(after_plan(Verifying, Grade::Major, &full_plan()), Ok(None));
        assert!(after_plan(Closed, Grade::Major, &full_plan()).is_err());
    }

    #[test]
    fn submit_only_from_rectifying() {
        assert_eq!(submit(Rectifying), Ok(Verifying));
        for s in [Registered, Verifying, Closed] {
            assert!(submit(s).is_err(), "{s}");
        }
    }

    #[test]
    fn three_passes_close() {
        assert_eq!(verify(Verifying, &[], pass(Regulator)), Ok(VerifyOutcome::Pending));
        assert_eq!(verify(Verifying, &[pass(Regulator)], pass(Expert)), Ok(VerifyOutcome::Pending));
        assert_eq!(verify(Verifying, &[pass(Regulator), pass(Expert)], pass(Enterprise)), Ok(VerifyOutcome::Closed));
        // a second pass by the same party is refused: it cannot stand in for another
        assert_eq!(verify(Verifying, &[pass(Regulator)], pass(Regulator)), Err(GateError::AlreadyPassed(Regulator)));
    }

    #[test]
    fn a_fail_sends_back() {
        let fail = SignOff { role: Expert, verdict: Verdict::Fail };
        assert_eq!(verify(Verifying, &[pass(Regulator)], fail), Ok(VerifyOutcome::Failed));
        assert!(verify(Rectifying, &[], pass(Regulator)).is_err());
        assert_eq!(roles_pending(&[pass(Expert)]), vec![Regulator, Enterprise]);
    }

    #[test]
    fn reopen_needs_closed_and_reason() {
        assert_eq!(reopen(Closed, "复查发现"), Ok(Registered));
        assert_eq!(reopen(Closed, "  "), Err(GateError::ReasonRequired));
        assert!(reopen(Rectifying, "x").is_err());
        assert!(require_open(Closed).is_err());
        assert!(require_open(Verifying).is_ok());
    }
}
