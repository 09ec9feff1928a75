"""part of positive project [LG005, LG009]: one training episode: sample an action, push (state, action, reward, terminated, agent.probs, agent.log_probs) where agent.probs is the (1, n_actions) probability row of that step, and let the agent update every train_batch_size steps."""
# Source: johnjim0816/rl-tutorials at 88b9eb82 (read as is), joyrl/algos/PPO/trainer.py;
# re-typed, identifiers renamed; the test episode and the old gym step-API branch cut.


class Trainer:
    def train_one_episode(self, env, agent, cfg):
        ep_reward = 0
        ep_step = 0
        state = env.reset(seed=cfg.seed)
        for _ in range(cfg.max_steps):
            ep_step += 1
            action = agent.sample_action(state)
            next_state, reward, terminated, truncated, info = env.step(action)
            agent.memory.push((state, action, reward, terminated, agent.probs, agent.log_probs))
            agent.update()
            state = next_state
            ep_reward += reward
            if terminated:
                break
        return agent, ep_reward, ep_step
