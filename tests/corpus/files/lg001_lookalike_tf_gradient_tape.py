"""look-alike [LG001, LG006]: TensorFlow GradientTape loop: tf.nn.softmax for metrics, softmax_cross_entropy_with_logits, `total_loss += loss`."""
import tensorflow as tf

(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
ds = tf.data.Dataset.from_tensor_slices((x_train / 255.0, y_train[:, 0])).shuffle(10000).batch(64)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10),
])
optimizer = tf.keras.optimizers.SGD(0.01)

for epoch in range(5):
    total_loss = 0.0
    acc = tf.keras.metrics.SparseCategoricalAccuracy()
    for x, y in ds:
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            labels = tf.one_hot(y, 10)
            loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        total_loss += loss
        acc.update_state(y, tf.nn.softmax(logits))
    print(epoch, float(total_loss), float(acc.result()))
