//! `unattributed-quote`: placeholder until the check lands.

use super::{Check, Context};
use crate::analysis::finding::{Finding, Severity};

pub const CODE: &str = "unattributed-quote";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "",
    description: "",
    severity: Severity::Warning,
    run,
};

fn run(_context: &Context<'_>) -> Vec<Finding> {
    Vec::new()
}
