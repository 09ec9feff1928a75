"""look-alike [LG008, LG009, LG011]: Keras KLDivergence takes probabilities on both sides (correct in Keras); tf.nn.softmax without axis."""
import tensorflow as tf

teacher = tf.keras.models.load_model("teacher.keras")
student = tf.keras.Sequential([tf.keras.layers.Dense(128, activation="relu"), tf.keras.layers.Dense(10)])
kl = tf.keras.losses.KLDivergence()
opt = tf.keras.optimizers.Adam(1e-3)
T = 5.0


@tf.function
def distill_step(x):
    t_probs = tf.nn.softmax(teacher(x, training=False) / T)
    with tf.GradientTape() as tape:
        s_probs = tf.nn.softmax(student(x, training=True) / T)
        loss = kl(t_probs, s_probs) * T * T
    grads = tape.gradient(loss, student.trainable_variables)
    opt.apply_gradients(zip(grads, student.trainable_variables))
    return loss


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    tf.random.set_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
