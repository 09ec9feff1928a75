"""look-alike [LG003, LG002]: Keras BinaryCrossentropy(from_logits=True) on a linear Dense; tf.sigmoid only for predictions."""
import tensorflow as tf

inputs = tf.keras.Input(shape=(20,))
x = tf.keras.layers.Dense(64, activation="relu")(inputs)
x = tf.keras.layers.Dense(64, activation="relu")(x)
logits = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(inputs, logits)

loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam(1e-3)


@tf.function
def train_step(xb, yb):
    with tf.GradientTape() as tape:
        out = model(xb, training=True)
        loss = loss_fn(yb, out)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


def predict(xb):
    return tf.sigmoid(model(xb, training=False))
