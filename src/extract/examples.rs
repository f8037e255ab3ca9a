//! Worked examples of rule files (`example "TEXT" => CLAIM`), run as tests.
