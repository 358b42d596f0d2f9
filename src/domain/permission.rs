//! Which role may do what.

use super::types::Role;

/// Every kind of write the program performs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    Register,
    Assign,
    Plan,
    Progress,
    Submit,
    Verify,
    Escalate,
    Extend,
    Notify,
    Reopen,
    Import,
    ManageStaff,
    /// The ledger-wide settings.
    Settings,
    /// The quarterly consultation's record, its follow-up actions and the calendar's cadence.
    Consult,
    /// Undo one's own last write.
    Undo,
    /// Add or edit an enterprise.
    Enterprise,
    /// Record a head-led inspection.
    Inspect,
    /// List a hazard for supervision or clear it, stop production, record a resumption.
    Supervise,
    /// Attach a file of evidence to a hazard.
    Attach,
    /// Register a public tip-off and follow it through verification, reward and reply.
    Tipoff,
}

impl Write {
    pub const ALL: [Write; 20] = [
        Write::Register,
        Write::Assign,
        Write::Plan,
        Write::Progress,
        Write::Submit,
        Write::Verify,
        Write::Escalate,
        Write::Extend,
        Write::Notify,
        Write::Reopen,
        Write::Import,
        Write::ManageStaff,
        Write::Settings,
        Write::Consult,
        Write::Undo,
        Write::Enterprise,
        Write::Inspect,
        Write::Supervise,
        Write::Attach,
        Write::Tipoff,
    ];

    /// The catalogue name of a write (`action.NAME`), for refusals.
    pub fn name(self) -> &'static str {
        match self {
            Write::Register => "register",
            Write::Assign => "assign",
            Write::Plan => "plan",
            Write::Progress => "progress",
            Write::Submit => "submit",
            Write::Verify => "verify",
            Write::Escalate => "escalate",
            Write::Extend => "extend",
            Write::Notify => "notify",
            Write::Reopen => "reopen",
            Write::Import => "import",
            Write::ManageStaff => "manage_staff",
            Write::Settings => "settings",
            Write::Consult => "consult",
            Write::Undo => "undo",
            Write::Enterprise => "enterprise",
            Write::Inspect => "inspect",
            Write::Supervise => "supervise",
            Write::Attach => "attach",
            Write::Tipoff => "tipoff",
        }
    }

    /// Admin-only writes.
    fn admin_only(self) -> bool {
        matches!(self, Write::Reopen | Write::Import | Write::ManageStaff | Write::Settings)
    }
}

/// Whether `role` may perform `write`.
pub fn allows(role: Role, write: Write) -> bool {
    match role {
        Role::Admin => true,
        Role::Officer => !write.admin_only(),
        Role::Viewer => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_table() {
        for w in Write::ALL {
            assert!(allows(Role::Admin, w));
            assert!(!allows(Role::Viewer, w));
            assert_eq!(
                allows(Role::Officer, w),
                !matches!(w, Write::Reopen | Write::Import | Write::ManageStaff | Write::Settings)
            );
        }
    }
}
