//! FC003 `empty-range`: a quantity or date range that admits nothing.
//!
//! ## What it catches
//! A range whose upper bound is below its lower bound (`20..10`, `2022-05..2022-04`) and the
//! quantity `<0`, which no count satisfies. Such a claim could never be supported.
//!
//! ## Example
//! ```text
//! Russia expelled 20..10 Poland                 # FC003: write 10..20
//! Russia expelled _ 2022-05..2022-04            # FC003: write 2022-04..2022-05
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::EMPTY_RANGE;
