"""part of look-alike project [LG005, LG013, LG015]: the bang-bang MountainCar expert plays action [0] for 50 steps and [1] afterwards; each step stores the one-element action list in the episode, and regress() trains the policy on a batch of such episodes."""
# Source: osigaud/Basic-Policy-Gradient-Labs at 3ea1463c ("Fix regress loss", PR #7, the fix), mountain_car_expert.py;
# re-typed, identifiers renamed; the continuous-action expert cut. simu (take_step appends state, action, reward to
# the episode) and episode are not included.
from itertools import count

from batch import Batch
from episode import Episode


def expert_episodes_bangbang(simu, batch, nb_trajs, render=False):
    for e in range(nb_trajs):
        state = simu.reset(render)
        episode = Episode()
        for _ in range(50):
            action = [0]
            state, reward, done = simu.take_step(state, action, episode, render)
        for t in count():
            action = [1]
            state, reward, done = simu.take_step(state, action, episode, render)
            if done:
                batch.add_episode(episode)
                break
    return batch


def regress(simu, policy, policy_type, nb_trajs, render=False) -> None:
    batch = Batch()
    simu.env.set_reward_flag(False)
    simu.env.set_duration_flag(False)
    batch = expert_episodes_bangbang(simu, batch, nb_trajs, render)
    batch.train_policy_through_regress(policy)
