"""look-alike [LG001, LG011, LG002]: TensorFlow/Keras: Dense(softmax) with categorical_crossentropy is correct there (from_logits=False)."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0
y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)

model = keras.Sequential([
    layers.Input(shape=(28, 28)),
    layers.Flatten(),
    layers.Dense(256, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(10),
    layers.Softmax(),
])

loss_fn = keras.losses.CategoricalCrossentropy()
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=loss_fn, metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=10, validation_split=0.1)

probs = tf.nn.softmax(model(x_test[:8]))
print(np.argmax(probs, axis=-1))
print(model.evaluate(x_test, y_test, verbose=0))
