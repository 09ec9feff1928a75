"""look-alike [LG002, LG004]: Keras Dense(1, activation='sigmoid') with binary_crossentropy and integer labels (Keras casts them)."""
import numpy as np
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.imdb.load_data(num_words=10000)


def vectorize(seqs, dim=10000):
    out = np.zeros((len(seqs), dim), dtype="float32")
    for i, s in enumerate(seqs):
        out[i, s] = 1.0
    return out


x_train, x_test = vectorize(x_train), vectorize(x_test)
y_train = y_train.astype("int64")

model = keras.Sequential([
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="rmsprop", loss=keras.losses.BinaryCrossentropy(), metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=4, batch_size=512, validation_split=0.2)
print(model.evaluate(x_test, y_test))
