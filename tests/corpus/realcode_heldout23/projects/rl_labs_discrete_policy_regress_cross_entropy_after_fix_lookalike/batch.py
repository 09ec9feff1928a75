"""part of look-alike project [LG005, LG013, LG015]: a batch of episodes; train_policy_through_regress hands each episode's states and actions (np.array of the per-step action lists) to the policy's train_regress and averages the returned losses as numpy values."""
# Source: osigaud/Basic-Policy-Gradient-Labs at 3ea1463c ("Fix regress loss", PR #7, the fix), batch.py;
# re-typed, identifiers renamed; the copy, reward-shaping and critic-training methods cut. episode.Episode is not
# included.
import numpy as np

from episode import Episode


class Batch:
    def __init__(self):
        self.episodes = []
        self.size = 0

    def add_episode(self, episode) -> None:
        self.episodes.append(episode)
        self.size += 1

    def train_policy_through_regress(self, policy):
        losses = []
        for j in range(self.size):
            episode = self.episodes[j]
            state = np.array(episode.state_pool)
            action = np.array(episode.action_pool)
            policy_loss = policy.train_regress(state, action)
            loss = policy_loss.data.numpy()
            losses.append(loss.mean())
        return np.array(losses).mean()
