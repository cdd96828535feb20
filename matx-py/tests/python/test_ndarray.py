"""`matx.NDArray`: construction, dtypes, numpy-equal `tolist`, zero-copy numpy (array interface) and DLPack both ways, lifetimes, read-only memory, pickling, conversions, errors."""

from __future__ import annotations

import ctypes
import gc
import pickle
import sys

import pytest

import matx
from matx import _matx

np = pytest.importorskip("numpy")

DTYPES = [
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
]


def addr(a) -> int:
    """The address of a numpy array's first element."""
    return a.__array_interface__["data"][0]


# --- construction and dtypes -------------------------------------------------------------


def test_construction_like_numpy_and_matxscript():
    a = matx.NDArray([[1, 2, 3], [4, 5, 6]], dtype="int32")
    assert (a.shape, a.dtype, a.ndim, a.dim(), a.size, len(a)) == ((2, 3), "int32", 2, 2, 6, 2)
    assert repr(a) == "NDArray([[1, 2, 3], [4, 5, 6]], shape=[2, 3], dtype=int32)"
    assert str(a) == repr(a)
    # MATXScript's NDArray(flat, shape, dtype), positional.
    b = matx.NDArray([1, 2, 3, 4, 5, 6], [3, 2], "int32")
    assert b.tolist() == [[1, 2], [3, 4], [5, 6]]
    # An empty shape keeps the data's shape; an empty list with a shape is zero-filled.
    assert matx.NDArray([[1, 2]], [], "int64").shape == (1, 2)
    assert matx.NDArray([], [2, 3], "float32").tolist() == [[0.0] * 3] * 2
    # A scalar: 0-d, or filling a shape.
    s = matx.NDArray(7)
    assert (s.shape, s.dtype, s.tolist()) == ((), "int64", 7)
    assert matx.NDArray(1.5, (2,)).tolist() == [1.5, 1.5]
    # numpy's dtype choice.
    assert matx.NDArray([True, False]).dtype == "bool"
    assert matx.NDArray([True, 2]).dtype == "int64"
    assert matx.NDArray([1, 2.5]).dtype == "float64"
    assert matx.NDArray([]).dtype == "float64"
    assert matx.NDArray([2**63]).dtype == "uint64"
    # dtype as a numpy dtype or a type.
    assert matx.NDArray([1], dtype=np.dtype("int16")).dtype == "int16"
    assert matx.NDArray([1], dtype=np.float32).dtype == "float32"
    assert matx.NDArray([1], dtype=float).dtype == "float64"
    assert matx.NDArray([1], dtype=bool).dtype == "bool"
    # Tuples, numpy scalars, numpy arrays and matx.List nest like lists.
    assert matx.NDArray(((1, 2), (3, 4))).tolist() == [[1, 2], [3, 4]]
    assert matx.NDArray([np.int32(3), np.float64(0.5)]).tolist() == [3.0, 0.5]
    assert matx.NDArray([np.arange(2), np.arange(2, 4)]).tolist() == [[0, 1], [2, 3]]
    assert matx.NDArray(matx.List([1, 2])).tolist() == [1, 2]
    # An array as data is copied (and cast, reshaped).
    src = np.arange(6)
    c = matx.NDArray(src, [2, 3], "float32")
    assert c.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]] and c.data_ptr() != addr(src)
    m = matx.NDArray(c)
    assert m.dtype == "float32" and m.data_ptr() != c.data_ptr()


@pytest.mark.parametrize("dtype", DTYPES)
def test_tolist_equals_numpy(dtype):
    data = [[0, 1, 2], [3, 4, 5]] if dtype != "bool" else [[True, False, True], [False, True, True]]
    if dtype.startswith("float"):
        data = [[0.1, -2.5, 1e-3], [65504.0, 3.0, -0.0]]
    a = matx.NDArray(data, dtype=dtype)
    n = np.array(data, dtype=dtype)
    assert a.dtype == dtype
    # repr compares types too: 1 vs 1.0 vs True.
    assert repr(a.tolist()) == repr(n.tolist())
    assert repr(a[1].tolist()) == repr(n[1].tolist())
    assert repr(a[1, 2]) == repr(n[1, 2].item())
    # A copy through numpy gives the same elements.
    assert repr(np.asarray(a).tolist()) == repr(n.tolist())


def test_extreme_values_round_trip():
    u = matx.NDArray([0, 2**64 - 1], dtype="uint64")
    assert u.tolist() == [0, 2**64 - 1]
    assert u[1] == 2**64 - 1
    i = matx.NDArray([-(2**63), 2**63 - 1], dtype="int64")
    assert i.tolist() == [-(2**63), 2**63 - 1]
    h = matx.NDArray([0.1, 70000.0, float("nan")], dtype="float16")
    assert h.tolist()[:2] == [float(np.float16(0.1)), float("inf")]
    with pytest.raises(OverflowError, match="out of bounds for int8"):
        matx.NDArray([300], dtype="int8")
    with pytest.raises(OverflowError, match="out of bounds for uint8"):
        matx.NDArray([-1], dtype="uint8")
    with pytest.raises(OverflowError):
        matx.NDArray([2**64])


# --- indexing, views, copies -------------------------------------------------------------


def test_indexing_views_and_assignment():
    a = matx.NDArray(list(range(12)), [3, 4], "int64")
    n = np.arange(12).reshape(3, 4)
    assert a[1].tolist() == n[1].tolist()
    assert a[-1, -1] == 11
    assert a[1:, ::2].tolist() == n[1:, ::2].tolist()
    assert a[::-1, 1].tolist() == n[::-1, 1].tolist()
    assert a[:, 1:3].strides == n[:, 1:3].strides == (32, 8)
    assert [row.tolist() for row in a] == n.tolist()
    row = a[1]
    row[0] = 100
    assert a[1, 0] == 100
    a[2] = 7
    a[0] = [9, 8, 7, 6]
    a[:, 3] = np.array([-1, -2, -3])
    assert a.tolist() == [[9, 8, 7, -1], [100, 5, 6, -2], [7, 7, 7, -3]]
    a[0, 0] = 2.9  # truncated, as numpy stores a float into an int array
    assert a[0, 0] == 2
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        a[3]
    with pytest.raises(IndexError, match="too many indices for array: array is 2-dimensional, but 3 were indexed"):
        a[0, 0, 0]
    with pytest.raises(IndexError, match="only integers and slices"):
        a["x"]
    with pytest.raises(IndexError, match="only integers and slices"):
        a[True]
    with pytest.raises(IndexError, match="cannot fit 'int' into an index-sized integer"):
        a[2**70]
    assert a[np.int64(1), np.int32(-1)] == a[1, 3] == -2
    with pytest.raises(ValueError, match=r"could not broadcast input array from shape \(2,\) into shape \(4,\)"):
        a[0] = [1, 2]
    with pytest.raises(TypeError, match="must be a bool, int or float, not str"):
        a[0, 0] = "x"
    with pytest.raises(OverflowError, match="out of bounds for int64"):
        a[0, 0] = 2**63
    # The errors are matx's classes, which are also the builtins.
    with pytest.raises(matx.IndexError):
        a[-4]


def test_reshape_transpose_contiguous_astype():
    a = matx.NDArray(list(range(6)), [2, 3], "int32")
    r = a.reshape([3, -1])
    assert r.shape == (3, 2) and r.data_ptr() == a.data_ptr()
    t = a.transpose()
    assert (t.shape, t.strides, t.is_contiguous()) == ((3, 2), (4, 12), False)
    c = t.contiguous()
    assert c.is_contiguous() and c.data_ptr() != a.data_ptr()
    assert c.tolist() == [[0, 3], [1, 4], [2, 5]]
    assert a.contiguous() == a
    f = matx.NDArray([-1.7, 2.9, 300.0]).astype("uint8")
    assert f.tolist() == [255, 2, 44]  # C casts, as numpy's astype
    assert a.astype(np.float16).dtype == "float16"
    with pytest.raises(ValueError, match=r"cannot reshape array of size 6 into shape \(4,\)"):
        a.reshape([4])
    with pytest.raises(ValueError, match="can only specify one unknown dimension"):
        a.reshape((-1, -1))
    with pytest.raises(TypeError, match="shape must be a list or tuple of ints"):
        a.reshape("2")


def test_identity_truth_hash_len():
    a = matx.NDArray([1, 2])
    assert a == a and a[:] == a and not (a != a[:])
    assert a != a.copy() and a != a[::-1]
    assert (a == [1, 2]) is False
    with pytest.raises(TypeError, match=r"unhashable type: '(matx\.)?NDArray'"):
        hash(a)
    with pytest.raises(ValueError, match="more than one element is ambiguous"):
        bool(a)
    with pytest.raises(ValueError, match="empty array is ambiguous"):
        bool(matx.NDArray([]))
    assert bool(matx.NDArray([3])) and not bool(matx.NDArray(0.0))
    with pytest.raises(TypeError, match="len\\(\\) of unsized object"):
        len(matx.NDArray(5))
    with pytest.raises(TypeError, match="iteration over a 0-d array"):
        iter(matx.NDArray(5))


def test_construction_errors():
    with pytest.raises(TypeError, match="data type 'complex64' not understood"):
        matx.NDArray([1], dtype="complex64")
    with pytest.raises(TypeError, match="dtype must be a name"):
        matx.NDArray([1], dtype=3)
    with pytest.raises(ValueError, match="inhomogeneous shape after 1 dimensions"):
        matx.NDArray([[1, 2], [3]])
    with pytest.raises(ValueError, match=r"cannot reshape array of size 4 into shape \(3,\)"):
        matx.NDArray([1, 2, 3, 4], [3], "int32")
    with pytest.raises(ValueError, match="negative dimensions are not allowed"):
        matx.NDArray([], [-1], "int32")
    with pytest.raises(TypeError, match="shape must be a list or tuple of ints, got str"):
        matx.NDArray([1], "1")
    with pytest.raises(TypeError, match="must be a bool, int or float, not str"):
        matx.NDArray(["a"])
    with pytest.raises(TypeError, match="must be a bool, int or float, not NoneType"):
        matx.NDArray([None])
    with pytest.raises(ValueError, match="array is too big"):
        matx.NDArray([], [2**62, 2**62], "int8")


# --- numpy, zero-copy through the array interface ----------------------------------------


def test_numpy_views_matx_memory():
    a = matx.NDArray([[1, 2], [3, 4]], dtype="int32")
    n = np.asarray(a)
    assert addr(n) == a.data_ptr()
    assert n.dtype == np.int32 and n.shape == (2, 2)
    assert n.base is a
    n[0, 0] = 10
    assert a[0, 0] == 10
    a[1, 1] = 40
    assert n[1, 1] == 40
    assert addr(a.numpy()) == a.data_ptr()
    # Strided matx views stay views in numpy.
    t = np.asarray(a.transpose())
    assert addr(t) == a.data_ptr() and t.strides == (4, 8)
    assert t.tolist() == [[10, 3], [2, 40]]
    col = np.asarray(a[:, 1])
    assert addr(col) == a.data_ptr() + 4 and col.tolist() == [2, 40]
    # numpy keeps the array alive.
    del a
    gc.collect()
    assert n.tolist() == [[10, 2], [3, 40]]


def test_from_numpy_shares_memory_and_keeps_it_alive():
    arr = np.arange(12, dtype=np.float32).reshape(3, 4)
    before = sys.getrefcount(arr)
    m = matx.from_numpy(arr)
    assert m.data_ptr() == addr(arr)
    assert sys.getrefcount(arr) == before + 1
    m[0, 0] = -1.0
    assert arr[0, 0] == -1.0
    arr[2, 3] = 99.0
    assert m[2, 3] == 99.0
    assert m.tolist() == arr.tolist()
    # Deleting the numpy name leaves the memory valid.
    p = addr(arr)
    del arr
    gc.collect()
    assert m.data_ptr() == p and m[2, 3] == 99.0
    assert m.tolist()[2] == [8.0, 9.0, 10.0, 99.0]
    # Round trip: numpy again, same memory.
    assert addr(np.asarray(m)) == p
    # The reference goes with the last matx handle.
    arr2 = np.zeros(3)
    before = sys.getrefcount(arr2)
    m2 = matx.from_numpy(arr2)
    view = m2[1:]
    del m2
    gc.collect()
    assert sys.getrefcount(arr2) == before + 1
    del view
    gc.collect()
    assert sys.getrefcount(arr2) == before


def test_from_numpy_strided_views_are_zero_copy():
    base = np.arange(24, dtype=np.int64).reshape(4, 6)
    for v in [base[:, ::2], base[::-1], base.T, base[1:3, 2:5], base[::-2, ::-3], base[2]]:
        m = matx.from_numpy(v)
        assert m.data_ptr() == addr(v)
        assert m.shape == v.shape
        assert m.strides == v.strides
        assert m.tolist() == v.tolist()
        assert m.is_contiguous() == v.flags.c_contiguous
        assert addr(np.asarray(m)) == addr(v)
        assert np.asarray(m).tolist() == v.tolist()
    m = matx.from_numpy(base[::-1, ::2])
    m[0, 0] = -5
    assert base[3, 0] == -5
    # A zero-size array and a 0-d one.
    assert matx.from_numpy(np.zeros((0, 3))).shape == (0, 3)
    assert matx.from_numpy(np.array(3.5)).tolist() == 3.5


def test_read_only_memory_stays_read_only():
    arr = np.arange(4)
    arr.flags.writeable = False
    m = matx.from_numpy(arr)
    assert m.is_read_only()
    assert m.tolist() == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        m[0] = 1
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        m.fill(1)
    assert not np.asarray(m).flags.writeable
    # A broadcast view: zero strides, read-only.
    b = np.broadcast_to(np.arange(3), (2, 3))
    mb = matx.from_numpy(b)
    assert mb.strides == b.strides == (0, 8) and mb.tolist() == [[0, 1, 2], [0, 1, 2]]
    assert mb.is_read_only()
    # A copy is writable.
    c = mb.copy()
    c[0, 0] = 5
    assert c.tolist() == [[5, 1, 2], [0, 1, 2]]


def test_from_numpy_refuses_what_matx_cannot_hold():
    with pytest.raises(TypeError, match="unsupported dtype complex128"):
        matx.from_numpy(np.zeros(2, dtype=complex))
    with pytest.raises(TypeError, match="unsupported dtype object"):
        matx.from_numpy(np.array([1, "a"], dtype=object))
    with pytest.raises(TypeError, match="unsupported dtype"):
        matx.from_numpy(np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")]))
    with pytest.raises(TypeError, match=r"unsupported dtype >i4 \(non-native byte order\)"):
        matx.from_numpy(np.zeros(2, dtype=">i4"))
    with pytest.raises(TypeError, match="unsupported dtype <U3"):
        matx.from_numpy(np.array(["abc"]))
    packed = np.zeros(4, dtype=[("a", "<i4"), ("b", "<i2")])["a"]
    with pytest.raises(ValueError, match="not whole elements"):
        matx.from_numpy(packed)
    with pytest.raises(TypeError, match="expected a numpy array"):
        matx.from_numpy([1, 2])


# --- DLPack ------------------------------------------------------------------------------


def test_numpy_from_dlpack_views_matx_memory():
    a = matx.NDArray([[1.5, 2.5], [3.5, 4.5]], dtype="float32")
    assert a.__dlpack_device__() == (1, 0)
    n = np.from_dlpack(a)
    assert addr(n) == a.data_ptr() and n.dtype == np.float32
    n[0, 1] = 9.0
    assert a[0, 1] == 9.0
    t = np.from_dlpack(a.transpose())
    assert addr(t) == a.data_ptr() and t.strides == (4, 8)
    for dtype in DTYPES:
        x = matx.NDArray([1, 0, 1], dtype=dtype)
        y = np.from_dlpack(x)
        assert str(y.dtype) == dtype and addr(y) == x.data_ptr()
        assert y.tolist() == np.array([1, 0, 1], dtype=dtype).tolist()
    # The array outlives the matx handle.
    del a
    gc.collect()
    assert n.tolist() == [[1.5, 9.0], [3.5, 4.5]]


def test_matx_from_dlpack_views_numpy_memory():
    arr = np.arange(6, dtype=np.int16).reshape(2, 3)
    before = sys.getrefcount(arr)
    m = matx.from_dlpack(arr)
    assert m.data_ptr() == addr(arr) and m.dtype == "int16"
    m[1, 2] = -7
    assert arr[1, 2] == -7
    assert sys.getrefcount(arr) > before
    del m
    gc.collect()
    assert sys.getrefcount(arr) == before
    s = arr[:, ::-2]
    ms = matx.from_dlpack(s)
    assert ms.data_ptr() == addr(s) and ms.tolist() == s.tolist()
    # Read-only numpy memory arrives read-only (DLPack 1.x flag).
    ro = np.arange(3)
    ro.flags.writeable = False
    mro = matx.from_dlpack(ro)
    assert mro.is_read_only()
    with pytest.raises(ValueError, match="read-only"):
        mro[0] = 1


def test_dlpack_capsules_both_versions():
    a = matx.NDArray([1, 2, 3], dtype="int32")
    legacy = a.__dlpack__()
    assert type(legacy).__name__ == "PyCapsule"
    m = matx.from_dlpack(legacy)
    assert m.data_ptr() == a.data_ptr() and m.tolist() == [1, 2, 3]
    with pytest.raises(ValueError, match="already consumed"):
        matx.from_dlpack(legacy)
    versioned = a.__dlpack__(max_version=(1, 0))
    mv = matx.from_dlpack(versioned)
    assert mv.data_ptr() == a.data_ptr()
    copied = a.__dlpack__(max_version=(1, 0), copy=True)
    assert matx.from_dlpack(copied).data_ptr() != a.data_ptr()
    # A read-only array needs a versioned capsule, which marks it read-only.
    ro = matx.from_numpy(np.broadcast_to(np.arange(2), (2, 2)))
    with pytest.raises(BufferError, match="read-only"):
        ro.__dlpack__()
    assert matx.from_dlpack(ro.__dlpack__(max_version=(1, 0))).is_read_only()
    assert not np.from_dlpack(ro).flags.writeable
    with pytest.raises(BufferError, match="stream must be None"):
        a.__dlpack__(stream=1)
    with pytest.raises(BufferError, match="cannot be exported to device cuda:0"):
        a.__dlpack__(dl_device=(2, 0))
    with pytest.raises(TypeError):
        a.__dlpack__(max_version="1")


def test_unconsumed_capsule_frees_its_tensor():
    arr = np.zeros(5)
    before = sys.getrefcount(arr)
    m = matx.from_numpy(arr)
    cap = m.__dlpack__()
    del m
    gc.collect()
    assert sys.getrefcount(arr) == before + 1  # the capsule holds the array
    del cap
    gc.collect()
    assert sys.getrefcount(arr) == before


def test_from_dlpack_refusals():
    with pytest.raises(TypeError, match="unsupported dtype complex64"):
        matx.from_dlpack(np.zeros(2, dtype=np.complex64))
    with pytest.raises(TypeError, match="expected an object with __dlpack__"):
        matx.from_dlpack([1, 2])

    class OnGpu:
        def __dlpack_device__(self):
            return (2, 1)

        def __dlpack__(self, **kwargs):
            raise AssertionError("must not be called")

    with pytest.raises(BufferError, match="on device cuda:1"):
        matx.from_dlpack(OnGpu())


class _DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32), ("device_id", ctypes.c_int32)]


class _DLDataType(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint8), ("bits", ctypes.c_uint8), ("lanes", ctypes.c_uint16)]


class _DLTensor(ctypes.Structure):
    _fields_ = [
        ("data", ctypes.c_void_p),
        ("device", _DLDevice),
        ("ndim", ctypes.c_int32),
        ("dtype", _DLDataType),
        ("shape", ctypes.POINTER(ctypes.c_int64)),
        ("strides", ctypes.POINTER(ctypes.c_int64)),
        ("byte_offset", ctypes.c_uint64),
    ]


class _DLManagedTensor(ctypes.Structure):
    pass


_DELETER = ctypes.CFUNCTYPE(None, ctypes.POINTER(_DLManagedTensor))
_DLManagedTensor._fields_ = [
    ("dl_tensor", _DLTensor),
    ("manager_ctx", ctypes.c_void_p),
    ("deleter", _DELETER),
]


def _capsule(device_type=1, code=0, bits=32, lanes=1):
    """A hand-made legacy DLPack capsule over 4 int32s, and the list its deleter appends to."""
    buf = (ctypes.c_int32 * 4)(1, 2, 3, 4)
    shape = (ctypes.c_int64 * 1)(4)
    deleted = []

    def deleter(_m):
        deleted.append(True)

    keep = [buf, shape]
    cb = _DELETER(deleter)
    m = _DLManagedTensor()
    m.dl_tensor = _DLTensor(
        ctypes.cast(buf, ctypes.c_void_p), _DLDevice(device_type, 0), 1, _DLDataType(code, bits, lanes),
        shape, None, 0,
    )
    m.deleter = cb
    new = ctypes.pythonapi.PyCapsule_New
    new.restype = ctypes.py_object
    new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    cap = new(ctypes.addressof(m), b"dltensor", None)
    return cap, deleted, (keep, cb, m)


def _capsule_name_is(cap, name: bytes) -> bool:
    valid = ctypes.pythonapi.PyCapsule_IsValid
    valid.restype = ctypes.c_int
    valid.argtypes = [ctypes.py_object, ctypes.c_char_p]
    return valid(cap, name) == 1


def test_foreign_capsule_consumed_and_deleted():
    cap, deleted, keep = _capsule()
    m = matx.from_dlpack(cap)
    assert m.tolist() == [1, 2, 3, 4] and m.dtype == "int32"
    assert _capsule_name_is(cap, b"used_dltensor")
    m[0] = 10
    assert keep[0][0][0] == 10
    assert deleted == []
    del m
    gc.collect()
    assert deleted == [True]


@pytest.mark.parametrize(
    "kwargs, exc, message",
    [
        ({"device_type": 2}, BufferError, "on device cuda:0"),
        ({"device_type": 10}, BufferError, "on device rocm:0"),
        ({"code": 5, "bits": 64}, TypeError, "unsupported dtype complex64"),
        ({"code": 4, "bits": 16}, TypeError, "unsupported dtype bfloat16"),
        ({"lanes": 4}, TypeError, "unsupported dtype int32 with 4 lanes"),
    ],
)
def test_foreign_capsule_refused_stays_unconsumed(kwargs, exc, message):
    cap, deleted, _keep = _capsule(**kwargs)
    with pytest.raises(exc, match=message):
        matx.from_dlpack(cap)
    assert _capsule_name_is(cap, b"dltensor") and deleted == []


def test_torch_both_ways():
    torch = pytest.importorskip("torch")
    a = matx.NDArray([[1.0, 2.0], [3.0, 4.0]], dtype="float32")
    t = torch.from_dlpack(a)
    assert t.data_ptr() == a.data_ptr()
    t[0, 0] = 5.0
    assert a[0, 0] == 5.0
    x = torch.arange(6, dtype=torch.int64).reshape(2, 3)
    m = matx.from_dlpack(x)
    assert m.data_ptr() == x.data_ptr() and m.tolist() == x.tolist()
    m[1, 1] = -1
    assert x[1, 1].item() == -1
    assert matx._matx._ndarray_arg(x).data_ptr() == x.data_ptr()


def test_torch_views_and_dtypes():
    torch = pytest.importorskip("torch")
    # A strided view (every other column) crosses without a copy, strides kept.
    x = torch.arange(12, dtype=torch.float64).reshape(3, 4)[:, ::2]
    m = matx.from_dlpack(x)
    assert m.data_ptr() == x.data_ptr() and m.shape == (3, 2) and m.tolist() == x.tolist()
    for dt, name in ((torch.uint8, "uint8"), (torch.int16, "int16"), (torch.float16, "float16"), (torch.bool, "bool")):
        t = torch.zeros(3, dtype=dt)
        assert matx.from_dlpack(t).dtype == name
    # Memory lives as long as either side holds it.
    a = matx.from_dlpack(torch.full((1000,), 7, dtype=torch.int32))
    import gc

    gc.collect()
    assert a.tolist() == [7] * 1000


def test_cuda_tensors_are_refused_naming_the_device():
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    t = torch.zeros(4, device="cuda")
    with pytest.raises(BufferError, match="cuda"):
        matx.from_dlpack(t)
    # The tensor is untouched and still usable (its capsule was not consumed).
    assert t.sum().item() == 0.0


# --- pickling and conversions --------------------------------------------------------------


@pytest.mark.parametrize(
    "data, shape, dtype",
    [
        ([[1, 2], [3, 4]], None, "int32"),
        ([0, 2**64 - 1], None, "uint64"),
        ([0.1, float("inf"), -0.0], None, "float16"),
        ([True, False], None, "bool"),
        (2.5, None, "float64"),
        ([], [0, 3], "int8"),
        ([], [2, 0], "float32"),
    ],
)
def test_pickle_round_trip(data, shape, dtype):
    a = matx.NDArray(data, shape, dtype)
    b = pickle.loads(pickle.dumps(a))
    assert type(b) is matx.NDArray
    assert (b.shape, b.dtype) == (a.shape, a.dtype)
    assert repr(b.tolist()) == repr(a.tolist())
    assert b.data_ptr() != a.data_ptr() or a.size == 0


def test_pickle_of_a_strided_view():
    a = matx.NDArray(list(range(6)), [2, 3], "int64").transpose()
    b = pickle.loads(pickle.dumps(a))
    assert b.tolist() == [[0, 3], [1, 4], [2, 5]] and b.is_contiguous()


def test_conversions_for_compiled_code():
    a = matx.NDArray([1, 2, 3], dtype="int64")
    # The same handle, not a copy.
    assert _matx._ndarray_arg(a) == a
    # numpy arrays and DLPack producers arrive without a copy.
    arr = np.arange(4, dtype=np.float64)[::2]
    m = _matx._ndarray_arg(arr)
    assert type(m) is matx.NDArray and m.data_ptr() == addr(arr)
    m[0] = 42.0
    assert arr[0] == 42.0

    class OnlyDLPack:
        def __init__(self, x):
            self.x = x

        def __dlpack__(self, **kwargs):
            return self.x.__dlpack__(**kwargs)

        def __dlpack_device__(self):
            return self.x.__dlpack_device__()

    src = np.arange(3, dtype=np.uint16)
    assert _matx._ndarray_arg(OnlyDLPack(src)).data_ptr() == addr(src)
    with pytest.raises(TypeError, match="argument 'x': expected NDArray, got list"):
        _matx._ndarray_arg([1, 2])
    with pytest.raises(TypeError, match="argument 'x': .*unsupported dtype complex128"):
        _matx._ndarray_arg(np.zeros(2, dtype=complex))
    # A user extension module hands its NDArray results to matx._matx over DLPack: the same
    # memory, as matx.NDArray itself, read-only kept, the handle released with the result.
    h = _matx._ndarray_hand_over(a)
    assert type(h) is matx.NDArray and h.data_ptr() == a.data_ptr() and h != a
    ro = np.arange(3)
    ro.flags.writeable = False
    before = sys.getrefcount(ro)
    hro = _matx._ndarray_hand_over(ro)
    assert hro.is_read_only() and hro.data_ptr() == addr(ro)
    del hro
    gc.collect()
    assert sys.getrefcount(ro) == before
    # Inside Any, an NDArray stays one, both ways.
    assert _matx._roundtrip(a) == a
    assert _matx._roundtrip([a, {"k": a}])[1]["k"] == a
    assert _matx._convert("Any", a) == a
