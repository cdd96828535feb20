//! Deep values made by compiled scripts are freed and compared without overflowing the stack (issue 12): a linked list of 100,000 script objects, a list nested 50,000 deep, a self-referential list compared.

mod script {
    matx::matx_script! {
        from typing import Any, List, Optional

        class Node:
            value: int
            next: Optional[Node]

            def __init__(self, value: int, next: Optional[Node]) -> None:
                self.value = value
                self.next = next

        def chain(n: int) -> Node:
            head = Node(0, None)
            for i in range(1, n):
                head = Node(i, head)
            return head

        def nested(n: int) -> List[Any]:
            v: List[Any] = []
            for i in range(n):
                v = [v]
            return v

        def self_compare() -> bool:
            a: List[Any] = []
            a.append(a)
            b: List[Any] = []
            b.append(b)
            return a == b

        def found_by_identity(x: float) -> bool:
            return x in [x]
    }
}

fn on_small_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("the thread crashed")
}

#[test]
fn a_long_chain_of_objects_is_freed() {
    on_small_thread(|| {
        let head = script::chain(100_000).unwrap();
        drop(head);
    });
}

#[test]
fn a_deep_list_is_freed() {
    on_small_thread(|| drop(script::nested(50_000).unwrap()));
}

#[test]
fn self_referential_lists_raise_recursion_error() {
    let e = on_small_thread(|| script::self_compare().unwrap_err().kind().name);
    assert_eq!(e, "RecursionError");
}

#[test]
fn nan_is_in_a_list_of_itself() {
    assert!(script::found_by_identity(f64::NAN).unwrap());
}
