//! Snapshot tests of the screens.
