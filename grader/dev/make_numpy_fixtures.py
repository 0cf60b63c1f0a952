#!/usr/bin/python3
"""Dev-only: regenerate the fixtures that tie the C# port to the NumPy original.

An independent NumPy implementation of the original assignment (not the C# code) computes:
  * the fixed 64-image batch's losses and gradients for both networks -> student.Tests/Fixtures/*.f64.gz
  * hashes of np.random streams (randn, permutation)                 -> grader/Grader.Tests/Fixtures/numpy_reference.json
Needs Debian's python3-numpy and MNIST in data/mnist (bash data/get_data.sh). Not part of the product.
Usage: /usr/bin/python3 grader/dev/make_numpy_fixtures.py
"""
import gzip, hashlib, json, os, sys
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INDICES = [17555, 12509, 16838, 41777, 16204, 36713, 27041, 15756, 28335, 20898, 32131, 8067, 47498, 24159,
           32375, 45546, 2869, 33843, 41218, 42721, 38019, 19599, 40592, 9526, 23116, 28657, 34188, 32408,
           39987, 14820, 34122, 4007, 16912, 37646, 41237, 22016, 6411, 11127, 40090, 2298, 17275, 984, 47998,
           2230, 16470, 26128, 13364, 26849, 45613, 27497, 42907, 43352, 39770, 23388, 4394, 33147, 21525,
           19900, 6004, 14732, 15401, 7971, 2592, 47315]


def load_idx(name):
    with open(os.path.join(ROOT, "data", "mnist", name), "rb") as f:
        raw = f.read()
    rank = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def softmax(s):
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def digest(a):
    return hashlib.sha256(np.ascontiguousarray(a, dtype="<f8").tobytes()).hexdigest()


def save(name, array):
    with gzip.GzipFile(os.path.join(ROOT, "student.Tests", "Fixtures", name), "wb", mtime=0) as f:
        f.write(np.ascontiguousarray(array, dtype="<f8").tobytes())


images = load_idx("train-images-idx3-ubyte").reshape(-1, 784) / 255.0
labels = load_idx("train-labels-idx1-ubyte").astype(np.int64)
x, y = images[INDICES], labels[INDICES]
n = x.shape[0]
onehot = np.eye(10)[y]

# Softmax regression: x.W1 -> ReLU -> softmax -> CE.
np.random.seed(1024); w1 = 0.001 * np.random.randn(784, 10)
z = x.dot(w1); a = np.maximum(z, 0); p = softmax(a)
softmax_loss = -np.mean(np.log(p[range(n), y]))
softmax_acc = np.mean(p.argmax(axis=1) == y)
softmax_dw1 = x.T.dot(((p - onehot) / n) * (z > 0))

# Two-layer: x.W1+b1 -> sigmoid -> .W2+b2 -> softmax -> CE.
np.random.seed(1024); tw1 = 0.001 * np.random.randn(784, 128)
np.random.seed(1024); tw2 = 0.001 * np.random.randn(128, 10)
b1, b2 = np.zeros(128), np.zeros(10)
z1 = x.dot(tw1) + b1; a1 = sigmoid(z1); z2 = a1.dot(tw2) + b2; p2 = softmax(z2)
two_loss = -np.mean(np.log(p2[range(n), y]))
two_acc = np.mean(p2.argmax(axis=1) == y)
dz2 = (p2 - onehot) / n
dw2 = a1.T.dot(dz2); db2 = dz2.sum(axis=0)
dz1 = dz2.dot(tw2.T) * a1 * (1 - a1)
dw1 = x.T.dot(dz1); db1 = dz1.sum(axis=0)

save("softmax_grad_W1.f64.gz", softmax_dw1)
save("twolayer_grad_W1.f64.gz", dw1)
save("twolayer_grad_b1.f64.gz", db1)
save("twolayer_grad_W2.f64.gz", dw2)
save("twolayer_grad_b2.f64.gz", db2)

np.random.seed(1024); first_normals = np.random.randn(3).tolist()
np.random.seed(256); normals_256 = np.random.randn(3).tolist()
np.random.seed(256); sgd_gradient = np.random.randn(784, 10)
np.random.seed(1024); uniforms = np.random.rand(3).tolist()
np.random.seed(7); permutation_10 = np.random.permutation(10).tolist()
np.random.seed(1024); permutation_48000 = np.random.permutation(48000)

reference = {
    "generated_by": "grader/dev/make_numpy_fixtures.py with NumPy " + np.__version__,
    "seed1024_first_normals": first_normals,
    "seed256_first_normals": normals_256,
    "seed1024_first_uniforms": uniforms,
    "sha256_seed1024_0.001randn_784x10": digest(w1),
    "sha256_seed1024_0.001randn_784x128": digest(tw1),
    "sha256_seed1024_0.001randn_128x10": digest(tw2),
    "sha256_seed256_randn_784x10": digest(sgd_gradient),
    "seed7_permutation_10": permutation_10,
    "sha256_seed1024_permutation_48000_as_f64": digest(permutation_48000.astype(np.float64)),
    "softmax_loss": float(softmax_loss), "softmax_accuracy": float(softmax_acc),
    "twolayer_loss": float(two_loss), "twolayer_accuracy": float(two_acc),
    "batch_labels": y.tolist(),
}
with open(os.path.join(ROOT, "grader", "Grader.Tests", "Fixtures", "numpy_reference.json"), "w") as f:
    json.dump(reference, f, indent=2)
    f.write("\n")
print(json.dumps({k: v for k, v in reference.items() if "loss" in k or "acc" in k or "normals" in k}, indent=1))
