"""look-alike [LG011, LG001, LG002]: TensorFlow/Keras and JAX code: tf.nn.softmax without axis, softmax before a Keras crossentropy with from_logits=False, jax.nn.sigmoid + optax; no torch involved."""
import jax
import jax.numpy as jnp
import optax
import tensorflow as tf


def keras_model(n_classes=10):
    model = tf.keras.Sequential([
        tf.keras.layers.Flatten(input_shape=(28, 28)),
        tf.keras.layers.Dense(128, activation="relu"),
        tf.keras.layers.Dense(n_classes),
        tf.keras.layers.Softmax(),
    ])
    model.compile(
        optimizer="adam",
        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),
        metrics=["accuracy"],
    )
    return model


def tf_manual_step(model, x, y, optimizer):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        probs = tf.nn.softmax(logits)
        loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y, probs))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


def jax_loss(params, x, y):
    logits = x @ params["w"] + params["b"]
    probs = jax.nn.sigmoid(logits)
    bce = -(y * jnp.log(probs + 1e-7) + (1 - y) * jnp.log(1 - probs + 1e-7)).mean()
    ce = optax.softmax_cross_entropy(logits, jax.nn.one_hot(y, logits.shape[-1])).mean()
    return bce + ce


def jax_train(params, batches, lr=1e-3):
    opt = optax.adam(lr)
    state = opt.init(params)
    grad_fn = jax.jit(jax.grad(jax_loss))
    for x, y in batches:
        grads = grad_fn(params, x, y)
        updates, state = opt.update(grads, state)
        params = optax.apply_updates(params, updates)
    return params


if __name__ == "__main__":
    print(keras_model().summary())
