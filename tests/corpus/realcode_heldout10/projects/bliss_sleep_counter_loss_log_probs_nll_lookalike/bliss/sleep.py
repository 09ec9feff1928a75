"""part of look-alike project [LG001, LG007, LG015]: after the fix the sleep-phase LightningModule passes pred["n_source_log_probs"] (log-probabilities from LocationEncoder's nn.LogSoftmax) to an NLLLoss(reduction="none") and adds the per-tile counter loss into a training loss that is reduced with .mean()."""
# Source: prob-ml/bliss@a764fb7d5ebae4970673a2d6b300bf8e355f73bc bliss/sleep.py (the fix "replace CrossEntropyLoss with NLLLoss (#423)" for issue #296; re-typed, cut at function and class boundaries: SleepPhase's __init__, _get_loss, configure_optimizers, training_step and validation_step, with the permutation-matching helpers' bodies and the plotting left out)
import pytorch_lightning as pl
import torch
from einops import rearrange
from torch.optim import Adam

from bliss.models.decoder import ImageDecoder
from bliss.models.location_encoder import LocationEncoder, get_images_in_tiles, get_is_on_from_n_sources


class SleepPhase(pl.LightningModule):
    def __init__(self, encoder: LocationEncoder, decoder: ImageDecoder, annotate_probs: bool = False, slack=1.0,
                 optimizer_params: dict = None):
        super().__init__()
        self.image_encoder = encoder
        self.image_decoder = decoder
        self.image_decoder.requires_grad_(False)
        self.optimizer_params = optimizer_params
        self.annotate_probs = annotate_probs

    def _get_loss(self, batch):
        images, true_tile_locs, true_tile_log_fluxes, true_tile_galaxy_bool, true_tile_n_sources = (
            batch["images"], batch["locs"], batch["log_fluxes"], batch["galaxy_bool"], batch["n_sources"],
        )

        batch_size = images.shape[0]
        n_tiles_per_image = self.image_decoder.n_tiles_per_image
        n_ptiles = batch_size * n_tiles_per_image
        max_sources = self.image_encoder.max_detections

        true_tile_locs = true_tile_locs[:, :, 0:max_sources]
        true_tile_log_fluxes = true_tile_log_fluxes[:, :, 0:max_sources]
        true_tile_galaxy_bool = true_tile_galaxy_bool[:, :, 0:max_sources]
        true_tile_n_sources = true_tile_n_sources.clamp(max=max_sources)

        true_tile_locs = rearrange(true_tile_locs, "b n s xy -> (b n) s xy", xy=2)
        true_tile_log_fluxes = rearrange(true_tile_log_fluxes, "b n s bands -> (b n) s bands")
        true_tile_galaxy_bool = rearrange(true_tile_galaxy_bool, "b n s 1 -> (b n) s")
        true_tile_n_sources = rearrange(true_tile_n_sources, "b n -> (b n)")
        true_tile_is_on_array = get_is_on_from_n_sources(true_tile_n_sources, max_sources)

        image_ptiles = get_images_in_tiles(images, self.image_encoder.tile_slen, self.image_encoder.ptile_slen)
        var_params = self.image_encoder.encode(image_ptiles)
        pred = self.image_encoder.encode_for_n_sources(var_params, true_tile_n_sources)

        n_source_log_probs = pred["n_source_log_probs"].view(n_ptiles, max_sources + 1)
        nllloss = torch.nn.NLLLoss(reduction="none").requires_grad_(False)
        counter_loss = nllloss(n_source_log_probs, true_tile_n_sources)

        loc_mean, loc_logvar = pred["loc_mean"], pred["loc_logvar"]
        loc_mean = loc_mean + (true_tile_is_on_array == 0).float().unsqueeze(-1) * 1e16
        locs_log_probs_all = get_params_logprob_all_combs(true_tile_locs, loc_mean, loc_logvar)
        star_params_log_probs_all = get_params_logprob_all_combs(true_tile_log_fluxes, pred["log_flux_mean"], pred["log_flux_logvar"])

        locs_loss, star_params_loss = get_min_perm_loss(
            locs_log_probs_all, star_params_log_probs_all, true_tile_galaxy_bool, true_tile_is_on_array,
        )

        loss_vec = locs_loss * (locs_loss.detach() < 1e6).float() + counter_loss + star_params_loss
        loss = loss_vec.mean()

        return loss, counter_loss, locs_loss, star_params_loss

    def configure_optimizers(self):
        return Adam(self.image_encoder.parameters(), **self.optimizer_params)

    def training_step(self, batch, batch_idx, optimizer_idx=0):
        batch_size = len(batch["n_sources"])
        loss = self._get_loss(batch)[0]
        self.log("train/loss", loss, batch_size=batch_size)
        return loss

    def validation_step(self, batch, batch_idx):
        batch_size = len(batch["images"])
        detection_loss, counter_loss, locs_loss, star_params_loss = self._get_loss(batch)
        self.log("val/loss", detection_loss, batch_size=batch_size)
        self.log("val/counter_loss", counter_loss.mean(), batch_size=batch_size)
        self.log("val/locs_loss", locs_loss.mean(), batch_size=batch_size)
        self.log("val/star_params_loss", star_params_loss.mean(), batch_size=batch_size)
