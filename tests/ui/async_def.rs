matx::matx_script! {
async def f() -> int:
    return 1
}

fn main() {}
