"""part of look-alike project [LG001, LG005, LG006, LG015, LG018]: the CartPole experiment: one train_step per environment step, the returned Python floats appended to per-episode lists and averaged with numpy."""
# Source: Trungsherlock/rl-actor-critic-comparison at 50d47d56, experiments/cartpole/ac_cartpole.py; re-typed, identifiers renamed; the environment wrapper, plotting,
# result saving and the argument defaults shortened.
import time

import numpy as np

from src.algorithms.actor_critic import DiscreteActorCritic


def run(env, num_episodes, seed, actor_lr, critic_lr, gamma, hidden_size):
    agent = DiscreteActorCritic(state_dim=env.get_state_dim(), action_dim=env.get_action_dim(),
                                actor_lr=actor_lr, critic_lr=critic_lr, gamma=gamma, hidden_size=hidden_size)
    episode_rewards = []
    episode_td_errors = []
    episode_actor_losses = []
    episode_critic_losses = []
    start = time.time()
    for episode in range(num_episodes):
        state = env.reset(seed=seed + episode)
        ep_reward = 0.0
        ep_td, ep_actor, ep_critic = [], [], []
        done = False
        while not done:
            action, log_prob, entropy = agent.select_action(state)
            next_state, reward, done, truncated, info = env.step(action)
            td_error, actor_loss, critic_loss = agent.train_step(state, log_prob, entropy, reward, next_state, done)
            ep_td.append(td_error)
            ep_actor.append(actor_loss)
            ep_critic.append(critic_loss)
            ep_reward += reward
            state = next_state
        episode_rewards.append(ep_reward)
        episode_td_errors.append(np.mean(ep_td))
        episode_actor_losses.append(np.mean(ep_actor))
        episode_critic_losses.append(np.mean(ep_critic))
    print(time.time() - start, np.mean(episode_rewards[-100:]))
    return agent, episode_rewards
