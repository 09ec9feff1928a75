"""part of look-alike project [LG005, LG014]: the Pong loop stores each transition and calls agent.learn() every step; scores are Python floats from the environment."""
# Source: philtabor/Deep-Q-Learning-Paper-To-Code at 64e0546d (read as is; issue #19 argues the MSE arguments are the wrong way round), DQN/main_dqn.py;
# re-typed, identifiers renamed; plotting and video recording cut. utils.py (make_env) is not included.
import numpy as np

from dqn_agent import DQNAgent
from utils import make_env

if __name__ == "__main__":
    env = make_env("PongNoFrameskip-v4")
    best_score = -np.inf
    n_games = 250
    agent = DQNAgent(gamma=0.99, epsilon=1, lr=0.0001, input_dims=(env.observation_space.shape), n_actions=env.action_space.n,
                     mem_size=50000, eps_min=0.1, batch_size=32, replace=1000, eps_dec=1e-5, chkpt_dir="models/",
                     algo="DQNAgent", env_name="PongNoFrameskip-v4")
    n_steps = 0
    scores = []
    for i in range(n_games):
        done = False
        observation = env.reset()
        score = 0
        while not done:
            action = agent.choose_action(observation)
            observation_, reward, done, info = env.step(action)
            score += reward
            agent.store_transition(observation, action, reward, observation_, done)
            agent.learn()
            observation = observation_
            n_steps += 1
        scores.append(score)
        avg_score = np.mean(scores[-100:])
        if avg_score > best_score:
            agent.q_eval.save_checkpoint()
            best_score = avg_score
