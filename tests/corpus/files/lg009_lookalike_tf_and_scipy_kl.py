"""look-alike [LG009, LG008]: non-torch KL: scipy.special.kl_div and tf.keras.losses.KLDivergence default reductions are fine."""
import numpy as np
import tensorflow as tf
from scipy.special import kl_div, softmax

p = softmax(np.random.randn(8, 5), axis=1)
q = softmax(np.random.randn(8, 5), axis=1)
per_sample = kl_div(p, q).sum(axis=1)
print("scipy KL per sample:", per_sample)

kl = tf.keras.losses.KLDivergence()
model = tf.keras.Sequential([tf.keras.layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss=kl)
model.fit(np.random.randn(64, 3), softmax(np.random.randn(64, 5), axis=1), epochs=2, verbose=0)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    tf.random.set_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
