//! Lint checks on claim files, one file per check, each with a stable code (`FC0xx`) and a doc
//! comment that is its user documentation.
