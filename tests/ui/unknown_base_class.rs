matx::matx_script! {
class C(Base):
    x: int
}

fn main() {}
