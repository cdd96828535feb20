//! The inline form: the program is recovered from the Rust file, so `//` and comments survive.

mod script {
    matx::matx_script! {
        from typing import List

        # floor division must not be mistaken for a Rust comment
        def halves(xs: List[int]) -> List[int]:
            out: List[int] = []
            for x in xs:
                h = x // 2
                out.append(h)
            return out

        def greet(name: str) -> str:
            return "hello " + name.upper()
    }
}

#[test]
fn floor_division_survives() {
    let xs = matx::List::from_vec(vec![7, -7, 4]);
    assert_eq!(script::halves(xs).unwrap().to_vec(), vec![3, -4, 2]);
}

#[test]
fn strings() {
    assert_eq!(
        script::greet(matx::Str::from("ada")).unwrap().as_str(),
        "hello ADA"
    );
}
