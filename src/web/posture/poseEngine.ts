import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Keypoint } from '../../core/pose/coach/keypoints';

/**
 * MoveNet Lightning (single person, 17 keypoints) on TensorFlow.js's WebAssembly backend, on the CPU.
 * Everything it needs comes from our own build (`PoseFiles`): no file is fetched from anywhere else, and the frames
 * it is given never leave the function.
 */

/** Addresses of the model and runtime files, as the build emitted them. */
export interface PoseFiles {
  modelJson: string;
  modelWeights: string;
  wasm: string;
  wasmSimd: string;
  wasmThreadedSimd: string;
}

export interface PoseEstimator {
  /** Keypoints in the frame's own coordinates (see Keypoint), with the model's confidence. */
  estimate(frame: ImageBitmap | ImageData): Keypoint[];
  dispose(): void;
}

const INPUT = 192;

interface ModelJson {
  modelTopology: unknown;
  weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: unknown;
}

export async function loadPoseEstimator(files: PoseFiles): Promise<PoseEstimator> {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': files.wasm,
    'tfjs-backend-wasm-simd.wasm': files.wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': files.wasmThreadedSimd,
  });
  await tf.setBackend('wasm');
  await tf.ready();
  const [json, weights] = await Promise.all([
    fetch(files.modelJson).then((r) => ok(r).json() as Promise<ModelJson>),
    fetch(files.modelWeights).then((r) => ok(r).arrayBuffer()),
  ]);
  // The weights file is renamed by the build (content hash), so the manifest's own path is not used.
  const model: GraphModel = await loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: weights,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy ?? null,
      signature: json.signature as tf.io.ModelArtifacts['signature'],
    }),
  });
  const canvas = new OffscreenCanvas(INPUT, INPUT);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas in this browser.');
  const rgb = new Int32Array(INPUT * INPUT * 3);
  let source: OffscreenCanvas | null = null;

  return {
    estimate(frame) {
      const { width, height } = frame;
      // MoveNet takes a square: the frame is scaled to fit and padded, and the answer mapped back.
      const scale = INPUT / Math.max(width, height);
      const w = width * scale;
      const h = height * scale;
      const ox = (INPUT - w) / 2;
      const oy = (INPUT - h) / 2;
      context.fillStyle = '#000';
      context.fillRect(0, 0, INPUT, INPUT);
      if (frame instanceof ImageData) {
        if (!source || source.width !== width || source.height !== height) source = new OffscreenCanvas(width, height);
        source.getContext('2d')?.putImageData(frame, 0, 0);
        context.drawImage(source, ox, oy, w, h);
      } else {
        context.drawImage(frame, ox, oy, w, h);
      }
      const pixels = context.getImageData(0, 0, INPUT, INPUT).data;
      for (let i = 0, j = 0; i < pixels.length; i += 4, j += 3) {
        rgb[j] = pixels[i]!;
        rgb[j + 1] = pixels[i + 1]!;
        rgb[j + 2] = pixels[i + 2]!;
      }
      const out = tf.tidy(() => model.execute(tf.tensor4d(rgb, [1, INPUT, INPUT, 3], 'int32')) as tf.Tensor);
      const values = out.dataSync();
      out.dispose();
      const points: Keypoint[] = [];
      for (let k = 0; k < 17; k++) {
        const y = values[k * 3]!;
        const x = values[k * 3 + 1]!;
        const score = values[k * 3 + 2]!;
        // x across the width from 0 to 1, y in the same unit, so an angle measured on the points is true.
        points.push({ x: (x * INPUT - ox) / w, y: (y * INPUT - oy) / w, score });
      }
      return points;
    },
    dispose() {
      model.dispose();
    },
  };
}

function ok(response: Response): Response {
  if (!response.ok) throw new Error(`Could not load a pose file (${response.status}).`);
  return response;
}
