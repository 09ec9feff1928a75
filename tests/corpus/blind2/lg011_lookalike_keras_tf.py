"""look-alike [LG011, LG001, LG016]: TensorFlow/Keras: a softmax output layer with CategoricalCrossentropy(from_logits=False) and a sigmoid head with BinaryCrossentropy are the correct Keras idiom; tf.nn.softmax defaults to axis=-1."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def build_model(n_classes: int) -> keras.Model:
    inputs = keras.Input(shape=(224, 224, 3))
    x = keras.applications.efficientnet.preprocess_input(inputs)
    base = keras.applications.EfficientNetB0(include_top=False, input_tensor=x, weights="imagenet")
    h = layers.GlobalAveragePooling2D()(base.output)
    h = layers.Dropout(0.2)(h)
    cls_out = layers.Dense(n_classes, activation="softmax", name="cls")(h)
    flag_out = layers.Dense(1, activation="sigmoid", name="flag")(h)
    return keras.Model(inputs, [cls_out, flag_out])


model = build_model(5)
model.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss={
        "cls": keras.losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.05),
        "flag": keras.losses.BinaryCrossentropy(),
    },
    metrics={"cls": "accuracy"},
)


@tf.function
def custom_step(images, y_onehot, y_flag, optimizer):
    with tf.GradientTape() as tape:
        probs, flag = model(images, training=True)
        ce = tf.keras.losses.categorical_crossentropy(y_onehot, probs)
        bce = tf.keras.losses.binary_crossentropy(y_flag, flag)
        loss = tf.reduce_mean(ce) + 0.5 * tf.reduce_mean(bce)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return tf.nn.softmax(tf.math.log(probs + 1e-9))
