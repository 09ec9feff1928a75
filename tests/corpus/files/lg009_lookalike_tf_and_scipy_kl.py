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
