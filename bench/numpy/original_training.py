"""The NumPy side of `bench compare`: the original assignment's training, written the way its NumPy code is
(batches by fancy indexing, `X @ W` products, in-place `dW += reg * W` and `W -= lr * dW`), on the same data, seeds
and config as the C# side, so that both train on identical batches and should reach the same accuracy.

Usage: python3 original_training.py MODEL EPOCHS MNIST_DIR
  MODEL: TwoLayerNet or SoftmaxRegression (the default configs: batch 64, lr 0.1, reg 0.001, hidden 128).
Prints one JSON line: per-epoch seconds, test accuracy of the best model, peak RSS in MB, and the BLAS in use.
"""
import json
import resource
import sys
import time

import numpy as np

BATCH, LR, REG, HIDDEN, SHUFFLE_SEED = 64, 0.1, 0.001, 128, 1024


def read_idx(path, header_ints):
    with open(path, "rb") as f:
        f.read(4 * header_ints)
        return np.frombuffer(f.read(), dtype=np.uint8)


def load(mnist):
    x = read_idx(f"{mnist}/train-images-idx3-ubyte", 4).reshape(-1, 784) / 255.0
    y = read_idx(f"{mnist}/train-labels-idx1-ubyte", 2).astype(np.int64)
    xt = read_idx(f"{mnist}/t10k-images-idx3-ubyte", 4).reshape(-1, 784) / 255.0
    yt = read_idx(f"{mnist}/t10k-labels-idx1-ubyte", 2).astype(np.int64)
    n = len(x) * 4 // 5
    return x[:n], y[:n], x[n:], y[n:], xt, yt


def generate_batched_data(data, label, batch_size, shuffle=False, seed=None):
    if shuffle:
        np.random.seed(seed)
        idx = np.random.permutation(len(data))
        data, label = data[idx], label[idx]
    return ([data[i:i + batch_size] for i in range(0, len(data), batch_size)],
            [label[i:i + batch_size] for i in range(0, len(label), batch_size)])


def softmax(s):
    e = np.exp(s - np.max(s, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class Model:
    def __init__(self, kind):
        self.kind = kind
        self.weights, self.gradients = {}, {}
        np.random.seed(1024)
        self.weights["W1"] = 0.001 * np.random.randn(784, HIDDEN if kind == "TwoLayerNet" else 10)
        if kind == "TwoLayerNet":
            self.weights["b1"] = np.zeros(HIDDEN)
            np.random.seed(1024)
            self.weights["W2"] = 0.001 * np.random.randn(HIDDEN, 10)
            self.weights["b2"] = np.zeros(10)
        for k, v in self.weights.items():
            self.gradients[k] = np.zeros_like(v)

    def forward(self, x, y, train=True):
        w, n = self.weights, len(y)
        if self.kind == "TwoLayerNet":
            z1 = x @ w["W1"] + w["b1"]
            a1 = sigmoid(z1)
            p = softmax(a1 @ w["W2"] + w["b2"])
        else:
            z1 = x @ w["W1"]
            p = softmax(np.maximum(z1, 0))
        loss = -np.mean(np.log(p[np.arange(n), y]))
        accuracy = np.mean(np.argmax(p, axis=1) == y)
        if train:
            dz = p.copy()
            dz[np.arange(n), y] -= 1
            dz /= n
            if self.kind == "TwoLayerNet":
                self.gradients["W2"] = a1.T @ dz
                self.gradients["b2"] = np.sum(dz, axis=0)
                dz1 = (dz @ w["W2"].T) * a1 * (1 - a1)
                self.gradients["W1"] = x.T @ dz1
                self.gradients["b1"] = np.sum(dz1, axis=0)
            else:
                self.gradients["W1"] = x.T @ (dz * (z1 > 0))
        return loss, accuracy


def sgd_update(model):
    for k in model.weights:
        if k.startswith("W"):
            model.gradients[k] += REG * model.weights[k]
    for k in model.weights:
        model.weights[k] -= LR * model.gradients[k]


def evaluate(model, batches, labels):
    correct = sum(model.forward(x, y, train=False)[1] * len(y) for x, y in zip(batches, labels))
    return correct / sum(len(y) for y in labels)


def blas():
    try:
        info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return info.get("name", "?")
    except Exception:
        import os
        target = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
        return "openblas" if "openblas" in target else target


def main():
    kind, epochs, mnist = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    x, y, xv, yv, xt, yt = load(mnist)
    model = Model(kind)
    val_batches, val_labels = generate_batched_data(xv, yv, BATCH)
    seconds, best_acc, best = [], -1.0, None
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        batches, labels = generate_batched_data(x, y, BATCH, shuffle=True, seed=SHUFFLE_SEED + epoch)
        for xb, yb in zip(batches, labels):
            model.forward(xb, yb)
            sgd_update(model)
        acc = evaluate(model, val_batches, val_labels)
        seconds.append(time.perf_counter() - start)
        if acc > best_acc:
            best_acc, best = acc, {k: v.copy() for k, v in model.weights.items()}
    model.weights = best
    test_batches, test_labels = generate_batched_data(xt, yt, BATCH)
    print(json.dumps({"EpochSeconds": seconds, "TestAccuracy": evaluate(model, test_batches, test_labels),
                      "PeakMegabytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, "Blas": blas()}))


if __name__ == "__main__":
    main()
