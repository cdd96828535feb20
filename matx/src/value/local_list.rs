//! `LocalList`: the compiler's representation of a list that never leaves the function that made it, shared by reference within it but with no lock and no atomic count.
//!
//! A script's `List` is shared with other threads as soon as it is passed on, so every access
//! takes its lock. A list that the compiler sees made fresh in a function (a display, a
//! comprehension, `list(...)`, `[x] * n`) and used there only by index, `len`, iteration and
//! its own mutating methods, and at most returned, cannot be seen by any other thread or
//! function: it is one of these. Clones alias (an `Rc`), so `a, b = b, a` keeps Python's
//! identities; every operation is the same code as `List`'s, with the same errors.

use crate::rt::{Contains, GetItem, SetItem};
use crate::value::list::{contains, insert, item, pop, replace_item};
use crate::value::traits::{PyIterable, PyLen, PyValue};
use crate::value::List;
use crate::Result;
use std::cell::RefCell;
use std::rc::Rc;

/// A list local to one call of one function (see the module documentation).
pub struct LocalList<T>(Rc<RefCell<Vec<T>>>);

impl<T> Clone for LocalList<T> {
    fn clone(&self) -> Self {
        LocalList(Rc::clone(&self.0))
    }
}

impl<T> Default for LocalList<T> {
    fn default() -> Self {
        LocalList(Rc::new(RefCell::new(Vec::new())))
    }
}

impl<T: Clone> LocalList<T> {
    /// Takes over a list just made (its only handle: the items move, nothing is copied).
    pub fn from_list(l: List<T>) -> Self {
        LocalList(Rc::new(RefCell::new(l.into_vec())))
    }
    /// The list to hand out when the function returns it: the items move when this is the
    /// only handle left, else they are copied (the other handles are locals of the returning
    /// function, never used again).
    pub fn into_list(&mut self) -> List<T> {
        let rc = std::mem::take(self).0;
        let items = match Rc::try_unwrap(rc) {
            Ok(cell) => cell.into_inner(),
            Err(shared) => shared.borrow().clone(),
        };
        List::from_vec(items)
    }
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
    /// `a[i]`.
    pub fn get_item(&self, i: i64) -> Result<T> {
        item(&self.0.borrow(), i)
    }
    /// `a[i] = x`.
    pub fn set_item(&self, i: i64, x: T) -> Result<()> {
        let old = replace_item(&mut self.0.borrow_mut(), i, x)?;
        drop(old);
        Ok(())
    }
    /// `a.append(x)`.
    pub fn append(&self, x: T) -> Result<()> {
        self.0.borrow_mut().push(x);
        Ok(())
    }
    /// `a.extend(other)` (`other` is never this list: a `LocalList` is not passed as one).
    pub fn extend(&self, other: List<T>) -> Result<()> {
        let more = other.to_vec();
        self.0.borrow_mut().extend(more);
        Ok(())
    }
    /// `a.insert(i, x)`.
    pub fn insert(&self, i: i64, x: T) -> Result<()> {
        insert(&mut self.0.borrow_mut(), i, x);
        Ok(())
    }
    /// `a.pop(i)`.
    pub fn pop(&self, i: i64) -> Result<T> {
        pop(&mut self.0.borrow_mut(), i)
    }
    /// `a.clear()`.
    pub fn clear(&self) -> Result<()> {
        let old = std::mem::take(&mut *self.0.borrow_mut());
        drop(old);
        Ok(())
    }
    /// `a.reverse()`.
    pub fn reverse(&self) -> Result<()> {
        self.0.borrow_mut().reverse();
        Ok(())
    }
}

impl<T: Clone> GetItem<i64> for LocalList<T> {
    type Out = T;
    fn get_item_py(&self, i: i64) -> Result<T> {
        self.get_item(i)
    }
}

impl<T: Clone> SetItem<i64, T> for LocalList<T> {
    fn set_item_py(&self, i: i64, v: T) -> Result<()> {
        self.set_item(i, v)
    }
}

/// `x in a`. The items are read under the borrow: a script `__eq__` run by `==` cannot
/// reach this list (it was never passed on), so it cannot change it meanwhile.
impl<T: Clone + PyValue> Contains<T> for LocalList<T> {
    fn contains_py(&self, x: T) -> Result<bool> {
        contains(&self.0.borrow(), &x)
    }
}

impl<T: Clone> PyLen for LocalList<T> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.len() as i64)
    }
}

/// Iterates by index, reading the list at each step (it sees the loop's own changes, as
/// CPython's list iterator does).
pub struct LocalListIter<T> {
    list: LocalList<T>,
    idx: usize,
}

impl<T: Clone> Iterator for LocalListIter<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        let x = self.list.0.borrow().get(self.idx).cloned()?;
        self.idx += 1;
        Some(Ok(x))
    }
}

impl<T: Clone> PyIterable for LocalList<T> {
    type Item = T;
    type Iter = LocalListIter<T>;
    fn py_iter(&self) -> LocalListIter<T> {
        LocalListIter {
            list: self.clone(),
            idx: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::error::outcome as msg;

    /// The same operations on a `List` and a `LocalList` give the same items and errors.
    #[test]
    fn behaves_as_list() {
        let shared = List::from_vec(vec![1i64, 2, 3]);
        let mut local = LocalList::from_list(List::from_vec(vec![1i64, 2, 3]));
        for i in [-4, -3, -1, 0, 2, 3] {
            assert_eq!(msg(shared.get_item(i)), msg(local.get_item(i)), "get {i}");
            assert_eq!(shared.get_item(i).ok(), local.get_item(i).ok());
            assert_eq!(
                msg(shared.set_item(i, 9)),
                msg(local.set_item(i, 9)),
                "set {i}"
            );
        }
        shared.insert(-1, 7).unwrap();
        local.insert(-1, 7).unwrap();
        shared.insert(100, 8).unwrap();
        local.insert(100, 8).unwrap();
        for i in [5, -1, 0] {
            assert_eq!(shared.pop(i).ok(), local.pop(i).ok());
            assert_eq!(msg(shared.pop(i)), msg(local.pop(i)));
        }
        shared.reverse().unwrap();
        local.reverse().unwrap();
        let alias = local.clone();
        alias.append(4).unwrap();
        shared.append(4).unwrap();
        assert_eq!(local.len(), shared.len());
        for x in [4, 9, 100] {
            assert_eq!(local.contains_py(x).ok(), shared.contains(&x).ok());
        }
        assert_eq!(local.to_list().unwrap().to_vec(), shared.to_vec());
        let seen: Vec<i64> = local.py_iter().map(|x| x.unwrap()).collect();
        assert_eq!(seen, shared.to_vec());
        // Returned: the alias is a local of the same function, so the items may be copied.
        assert_eq!(local.into_list().to_vec(), shared.to_vec());
        shared.clear().unwrap();
        alias.clear().unwrap();
        assert_eq!(msg(alias.pop(-1)), msg(shared.pop(-1)));
        assert_eq!(msg(alias.pop(-1)), "IndexError('pop from empty list')");
    }

    #[test]
    fn iteration_sees_changes_made_by_the_loop() {
        let l = LocalList::from_list(List::from_vec(vec![1i64, 2]));
        let mut seen = Vec::new();
        for x in l.py_iter() {
            let x = x.unwrap();
            seen.push(x);
            if x < 3 {
                l.append(x + 2).unwrap();
            }
        }
        assert_eq!(seen, vec![1, 2, 3, 4]);
    }
}
