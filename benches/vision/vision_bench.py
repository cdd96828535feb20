"""ImageNet preprocessing on 1920x1080 JPEGs: matx.vision against OpenCV + numpy and Pillow + numpy.

JPEG bytes -> decode -> resize shorter side 256 -> center crop 224 -> normalize (ImageNet
mean/std) -> [N, 3, 224, 224] float32, like for like:
  * full decode: every library decodes at full size;
  * reduced decode: libjpeg's DCT scaling to the smallest size whose shorter side is still
    >= 256 (1/4 for 1080p): matx `decode(min_side=256)`, OpenCV `IMREAD_REDUCED_COLOR_4`,
    Pillow `draft`.
Also resize alone (1920x1080 RGB -> shorter side 256) against OpenCV INTER_AREA and Pillow's
antialiased bilinear. Each configuration runs in its own process (the thread count is fixed
when a pool starts); the table gives images/s (best of --repeat runs over the batch).

Usage: python benches/vision/vision_bench.py [--batch 64] [--repeat 5]
"""
import argparse
import io
import json
import os
import subprocess
import sys
import time

DATA = os.environ.get("MATX_DATA_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")
PHOTOS = ["astronaut.png", "chelsea.png", "coffee.png", "hubble_deep_field.jpg", "retina.jpg"]
MEAN = [0.485 * 255, 0.456 * 255, 0.406 * 255]
STD = [0.229 * 255, 0.224 * 255, 0.225 * 255]


def make_jpegs(batch):
    """1920x1080 JPEGs (quality 90, 4:2:0) made from the photographs: scaled to cover, centre-cropped."""
    from PIL import Image

    out = []
    for name in PHOTOS:
        im = Image.open(os.path.join(DATA, "images", name)).convert("RGB")
        s = max(1920 / im.width, 1080 / im.height)
        im = im.resize((max(1920, round(im.width * s)), max(1080, round(im.height * s))), Image.BICUBIC)
        l, t = (im.width - 1920) // 2, (im.height - 1080) // 2
        im = im.crop((l, t, l + 1920, t + 1080))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=90)
        out.append(buf.getvalue())
    return [out[i % len(out)] for i in range(batch)]


def short_side(h, w, s):
    return (s, int(s * w / h)) if h <= w else (int(s * h / w), s)


def np_normalize(crops):
    import numpy as np

    x = np.stack(crops).astype(np.float32)
    x = (x - np.array(MEAN, np.float32)) / np.array(STD, np.float32)
    return np.ascontiguousarray(x.transpose(0, 3, 1, 2))


def run_matx(datas, reduced, threads):
    from matx import vision as v

    imgs = v.decode(datas, "RGB", False, 256 if reduced else None)
    imgs = v.resize(imgs, 256)
    imgs = v.center_crop(imgs, 224)
    return v.stack(v.transpose_normalize(imgs, MEAN, STD))


def run_cv2(datas, reduced, threads, pool, interp="area"):
    import cv2
    import numpy as np

    flag = cv2.IMREAD_REDUCED_COLOR_4 if reduced else cv2.IMREAD_COLOR
    inter = cv2.INTER_AREA if interp == "area" else cv2.INTER_LINEAR

    def one(b):
        im = cv2.imdecode(np.frombuffer(b, np.uint8), flag)
        im = cv2.cvtColor(im, cv2.COLOR_BGR2RGB)
        h, w = im.shape[:2]
        nh, nw = short_side(h, w, 256)
        im = cv2.resize(im, (nw, nh), interpolation=inter)
        t, l = round((nh - 224) / 2), round((nw - 224) / 2)
        return im[t : t + 224, l : l + 224]

    crops = list(pool.map(one, datas)) if pool else [one(b) for b in datas]
    return np_normalize(crops)


def run_pil(datas, reduced, threads, pool):
    import numpy as np
    from PIL import Image

    def one(b):
        im = Image.open(io.BytesIO(b))
        if reduced:
            im.draft("RGB", (im.width // 4, im.height // 4))
        im = im.convert("RGB")
        nh, nw = short_side(im.height, im.width, 256)
        im = im.resize((nw, nh), Image.BILINEAR)
        t, l = round((nh - 224) / 2), round((nw - 224) / 2)
        return np.asarray(im.crop((l, t, l + 224, t + 224)))

    crops = list(pool.map(one, datas)) if pool else [one(b) for b in datas]
    return np_normalize(crops)


def resize_inputs(batch):
    import numpy as np
    from PIL import Image

    return [np.asarray(Image.open(io.BytesIO(b)).convert("RGB")) for b in make_jpegs(batch)]


def run_resize(lib, arrs, threads, pool):
    import numpy as np

    if lib == "matx-area":
        from matx import vision as v

        return v.resize(arrs, 256, "area")
    if lib == "matx-bilinear":
        from matx import vision as v

        return v.resize(arrs, 256, "bilinear")
    if lib == "cv2-area":
        import cv2

        f = lambda a: cv2.resize(a, short_side(*a.shape[:2], 256)[::-1], interpolation=cv2.INTER_AREA)
    else:
        from PIL import Image

        f = lambda a: np.asarray(Image.fromarray(a).resize(short_side(*a.shape[:2], 256)[::-1], Image.BILINEAR))
    return list(pool.map(f, arrs)) if pool else [f(a) for a in arrs]


def child(args):
    """One configuration, in this process: prints {"ips": images per second}."""
    threads = args.threads
    pool = None
    lib = args.lib
    if lib.startswith("cv2"):
        import cv2

        cv2.setNumThreads(1)
    if threads > 1 and not lib.startswith("matx"):
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(threads)
    if args.task == "pipeline":
        inputs = make_jpegs(args.batch)
        fn = {"matx": lambda: run_matx(inputs, args.reduced, threads),
              "cv2": lambda: run_cv2(inputs, args.reduced, threads, pool),
              "cv2-linear": lambda: run_cv2(inputs, args.reduced, threads, pool, "linear"),
              "pil": lambda: run_pil(inputs, args.reduced, threads, pool)}[lib]
    else:
        inputs = resize_inputs(args.batch)
        fn = lambda: run_resize(lib, inputs, threads, pool)
    out = fn()  # warm-up (thread pools, handles)
    best_wall = best_cpu = float("inf")
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        best_wall = min(best_wall, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    # Wall-clock images/s, and images per CPU-second of this process (all its threads): the
    # per-core rate, which other load on the machine disturbs far less than the wall clock.
    res = {"ips": args.batch / best_wall, "cpu_ips": args.batch / best_cpu}
    if args.task == "pipeline":
        import numpy as np

        a = np.asarray(out)
        assert a.shape == (args.batch, 3, 224, 224) and a.dtype == np.float32, (a.shape, a.dtype)
        res["checksum"] = float(np.abs(a).mean())
    print(json.dumps(res))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--child", action="store_true")
    p.add_argument("--task", default="pipeline")
    p.add_argument("--lib", default="matx")
    p.add_argument("--reduced", action="store_true")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    if args.child:
        return child(args)
    cores = os.cpu_count() or 1
    import cv2
    import PIL

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"machine: {cores} cores ({cpu}), load average {os.getloadavg()[0]:.1f}; OpenCV {cv2.__version__}, Pillow {PIL.__version__}")
    print("torchvision: not measured (torch's PyPI wheels pull in the CUDA libraries; see BENCHMARKS.md)")

    def measure(task, lib, reduced, threads):
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        cmd = [sys.executable, __file__, "--child", "--task", task, "--lib", lib, "--threads", str(threads),
               "--batch", str(args.batch), "--repeat", str(args.repeat)] + (["--reduced"] if reduced else [])
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{r.stderr}")
        return json.loads(r.stdout.strip().splitlines()[-1])

    print(f"\nImageNet preprocess, {args.batch} 1920x1080 JPEGs (best of {args.repeat}): images per CPU-second "
          "(the per-core rate: CPU time of all the process's threads) and wall-clock images/s")
    print("(matx and Pillow resize with antialiased bilinear; OpenCV with INTER_AREA, its antialiased")
    print("shrink, and with INTER_LINEAR, faster but aliased)")
    print("| path | threads | matx | OpenCV AREA + numpy | OpenCV LINEAR + numpy | Pillow + numpy | matx / OpenCV AREA | matx / OpenCV LINEAR | matx / Pillow |")
    print("|---|---|---|---|---|---|---|---|---|")
    libs = ("matx", "cv2", "cv2-linear", "pil")
    for reduced in (False, True):
        for threads in (1, cores):
            r = {lib: measure("pipeline", lib, reduced, threads) for lib in libs}
            path = "reduced (1/4 DCT)" if reduced else "full decode"
            for key, unit in (("cpu_ips", "per CPU-s"), ("ips", "wall /s")):
                m, c, cl, pl = (r[lib][key] for lib in libs)
                print(f"| {path}, {unit} | {threads} | {m:.1f} | {c:.1f} | {cl:.1f} | {pl:.1f} | {m / c:.2f}x | {m / cl:.2f}x | {m / pl:.2f}x |", flush=True)
    print(f"\nResize 1920x1080 RGB -> shorter side 256 (best of {args.repeat}): images per CPU-second, wall images/s")
    print("| threads | rate | matx area | OpenCV INTER_AREA | matx bilinear (antialiased) | Pillow BILINEAR | area ratio | bilinear ratio |")
    print("|---|---|---|---|---|---|---|---|")
    rlibs = ("matx-area", "cv2-area", "matx-bilinear", "pil-bilinear")
    for threads in (1, cores):
        r = {lib: measure("resize", lib, False, threads) for lib in rlibs}
        for key, unit in (("cpu_ips", "per CPU-s"), ("ips", "wall /s")):
            a, ca, b, pb = (r[lib][key] for lib in rlibs)
            print(f"| {threads} | {unit} | {a:.1f} | {ca:.1f} | {b:.1f} | {pb:.1f} | {a / ca:.2f}x | {b / pb:.2f}x |", flush=True)
    print(f"\nload average after the run: {os.getloadavg()[0]:.1f}")

if __name__ == "__main__":
    main()
